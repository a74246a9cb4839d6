"""Load test of ``attribution serve`` on loopback: N clients POST a ~1,000-word article to
/v1/analyze for D seconds; prints requests/s, latency percentiles, errors and the server's RSS.

    .venv/bin/python bench/serve_load.py                  # 20 clients, 60 s
    .venv/bin/python bench/serve_load.py --clients 4 --seconds 20

The server runs in a subprocess (``attribution serve --port <free port>``) and is stopped at the
end; every request goes to 127.0.0.1 and the run is bounded by ``--seconds``.
"""
from __future__ import annotations

import argparse
import http.client
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time

# wire copy written for this benchmark: a fictional port strike, attributed and unattributed
# sentences mixed as in real reporting (wrapped here for reading; one line per paragraph when sent)
_WRAPPED = """Dockworkers strike shuts main container terminal, stranding exports

NORTH HAVEN, May 14 (Reuters) - Thousands of dockworkers walked off the job at North Haven's main
container terminal on Tuesday, halting the loading of ships and leaving hundreds of refrigerated
containers of fruit and fish stuck on the quay, the port authority said.

The strike, the first at the terminal in eleven years, began at 6 a.m. when the morning shift
refused to clock in. By midday, at least 14 vessels were waiting at anchor outside the harbour
breakwater.

"We have given management every chance to come back to the table," said Maria Delgado, general
secretary of the Harbour Workers' Union, speaking to reporters outside the terminal gates. "They
chose to walk away, and now the whole country will see what happens when the people who move its
goods stop moving."

The union is demanding a 12 percent pay rise over two years and limits on the use of automated
cranes, which it says have cut about 600 jobs since 2019. The terminal operator, Meridian Port
Services, has offered 5 percent and a review of staffing levels.

Meridian said in a statement that the union's demands would make the terminal uncompetitive with
rival ports along the coast. The company added that it remained open to talks "at any time and
without preconditions."

The terminal handles roughly 40 percent of the country's container traffic. Exporters of frozen
seafood and fresh fruit are the most exposed, because their cargo can spoil within days without
power to the refrigerated containers.

Tomas Reyes, who heads the national fruit growers' association, told Reuters that his members had
about 900 containers of bananas and pineapples either on the quay or on trucks heading to the port.
"Every day of this costs our growers money they will never get back," he said.

According to the central bank's latest trade report, exports through North Haven were worth about
$2.3 billion in the first quarter, up 8 percent from a year earlier.

Trucks began to queue on the highway leading to the port by mid-morning. Police closed one lane to
keep traffic moving and diverted some freight to a smaller terminal further south.

A senior official at the transport ministry, who asked not to be named because he was not
authorised to speak to the media, said the government was preparing an emergency decree that could
order workers back to their posts for up to 30 days. The official said no decision had been made.

Labour Minister Andrea Vos said on Tuesday evening that she had invited both sides to meet at the
ministry on Wednesday morning. "A negotiated solution is always better than an imposed one," Vos
said in a televised interview. She declined to say whether the government would use emergency
powers if talks failed.

The last major strike at the port, in 2013, lasted nine days and cost the economy an estimated
$400 million, according to figures later published by the national statistics office.

Shipping lines have started to reroute vessels. Two container ships bound for North Haven changed
course for ports in neighbouring countries on Tuesday, according to ship-tracking data compiled by
a maritime consultancy.

Analysts said the stoppage came at a difficult moment for the economy, which grew just 0.4 percent
in the last quarter. "If this drags on for more than a week, you will see it in the inflation
figures," said Priya Natarajan, an economist at Coastline Securities. "Import prices are the first
thing to move."

Supermarket chains said they had enough stock of most imported goods for about two weeks. Prices of
some fresh produce rose at wholesale markets in the capital on Tuesday, traders said.

Union members voted overwhelmingly for the strike last month after six rounds of talks broke down.
Turnout in the ballot was 81 percent, and 93 percent of those who voted backed the walkout, the
union said.

Meridian, which is majority owned by an overseas infrastructure fund, took over the terminal under a
30-year concession in 2016. It has since invested about $350 million in new cranes and an
automated yard system.

Critics of the concession have long argued that its terms were too generous to the operator. An
opposition lawmaker, Daniel Okafor, said in parliament last week that the contract should be
reviewed. "The public handed over a national asset and got very little in return," he said.

The company rejects that view. Its chief executive, Lars Henning, told a business conference in
March that the terminal's productivity had doubled since the takeover and that the port now handled
larger ships than ever before.

Outside the gates, striking workers set up tents and a field kitchen. Many said they were prepared
to stay for as long as it took.

"I have worked here for 22 years," said crane operator Joseph Mbeki, 48. "I have seen the machines
come in, and I have seen my friends go home without a job. This is not only about money."

Some small businesses near the port said they were already feeling the effect. A restaurant owner
said lunch trade had fallen by half because truck drivers were no longer stopping.

The strike also disrupted passenger ferries, which share an access road with the container
terminal. The ferry operator said services to the islands would run on a reduced timetable until
further notice.

Port authority spokesman Kevin Marsh said safety teams were monitoring the refrigerated containers
and that generators had been brought in to keep the most urgent cargo cold. He said the authority
was not a party to the dispute and urged both sides to reach an agreement quickly.

Talks are due to begin at 9 a.m. on Wednesday. Neither side has said who will lead its delegation.

The government has not used emergency powers to end a strike since 1998, when it ordered railway
workers back to work after a three-week stoppage. That order was later challenged in the courts,
which ruled that it had been lawful.

Union leaders said on Tuesday that any attempt to force their members back would be met with wider
action. Delgado said workers at two other ports had already pledged to walk out in solidarity if the
decree was issued.

(Reporting by a staff correspondent; editing by the news desk)
"""
ARTICLE = "\n\n".join(" ".join(p.split()) for p in _WRAPPED.split("\n\n")) + "\n"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def rss_kib(pid: int) -> int:
    with open(f"/proc/{pid}/status", encoding="ascii") as status:
        return next(int(line.split()[1]) for line in status if line.startswith("VmRSS:"))


def wait_for_health(port: int, server: subprocess.Popen, timeout: float = 120.0) -> dict:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"the server exited with code {server.returncode}")
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            connection.request("GET", "/v1/health")
            response = connection.getresponse()
            if response.status == 200:
                return json.loads(response.read())
        except OSError:
            time.sleep(0.2)
    raise SystemExit("the server did not answer /v1/health in time")


def client(port: int, body: bytes, stop_at: float, latencies: list[float], errors: list[str]) -> None:
    """One client on one keep-alive connection, posting until ``stop_at``."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    headers = {"Content-Type": "application/json"}
    while time.monotonic() < stop_at:
        started = time.perf_counter()
        try:
            connection.request("POST", "/v1/analyze", body=body, headers=headers)
            response = connection.getresponse()
            payload = response.read()
            if response.status != 200 or b'"attribution.check/1.0"' not in payload:
                errors.append(f"HTTP {response.status}: {payload[:200]!r}")
                continue
        except (OSError, http.client.HTTPException) as err:
            errors.append(f"{type(err).__name__}: {err}")
            connection.close()
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
            continue
        latencies.append(time.perf_counter() - started)
    connection.close()


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--clients", type=int, default=20, help="concurrent clients (default 20)")
    parser.add_argument("--seconds", type=float, default=60.0, help="how long to send requests (default 60)")
    args = parser.parse_args()
    if args.clients < 1 or not 0 < args.seconds <= 3600:
        parser.error("--clients must be at least 1 and --seconds from 0 to 3600")
    port = free_port()
    body = json.dumps({"text": ARTICLE, "lang": "en"}).encode("utf-8")
    log = tempfile.TemporaryFile()
    server = subprocess.Popen([sys.executable, "-m", "attribution.cli", "serve", "--port", str(port)],
                              stdout=log, stderr=subprocess.STDOUT)
    try:
        started = time.monotonic()
        health = wait_for_health(port, server)
        print(f"server pid {server.pid} on 127.0.0.1:{port}, ready in {time.monotonic() - started:.1f} s "
              f"(mode {health['mode']}, attribution {health['version']})")
        print(f"article: {len(ARTICLE.split())} words, {len(body):,} bytes of JSON; "
              f"{args.clients} clients for {args.seconds:g} s")
        rss_before = rss_kib(server.pid)
        latencies: list[float] = []
        errors: list[str] = []
        stop_at = time.monotonic() + args.seconds
        threads = [threading.Thread(target=client, args=(port, body, stop_at, latencies, errors))
                   for _ in range(args.clients)]
        began = time.perf_counter()
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        elapsed = time.perf_counter() - began
        rss_after = rss_kib(server.pid)
    finally:
        server.terminate()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
        log.close()
    done = len(latencies)
    print(f"requests      {done} ok in {elapsed:.1f} s")
    print(f"throughput    {done / elapsed:.1f} requests/s")
    if done:
        print(f"latency       p50 {percentile(latencies, 0.50) * 1000:.0f} ms, "
              f"p99 {percentile(latencies, 0.99) * 1000:.0f} ms, "
              f"mean {statistics.fmean(latencies) * 1000:.0f} ms, max {max(latencies) * 1000:.0f} ms")
    print(f"errors        {len(errors)}")
    for message in sorted(set(errors))[:5]:
        print(f"  {message}")
    print(f"server RSS    {rss_before / 1024:.0f} MiB before, {rss_after / 1024:.0f} MiB after "
          f"({(rss_after - rss_before) / 1024:+.0f} MiB)")
    print(f"cores         {os.cpu_count()} (analysis runs one request at a time behind the checker's lock)")
    return 1 if errors or not done else 0


if __name__ == "__main__":
    sys.exit(main())
