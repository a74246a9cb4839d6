"""Synthetic, deterministic news corpus for the throughput benchmark.

Nothing is read from disk or network: every article is assembled from the templates and
vocabulary in this file with a seeded :class:`random.Random`, so the same ``(lang, n, seed)``
always gives byte-identical text.

Each article has a headline line, a dateline on its lead sentence ("NEW YORK, Feb 26 (Reuters) -",
"JAKARTA, KOMPAS.com —"), then 10–30 sentences in short paragraphs mixing direct quotes (curly and
straight), reported speech, anonymous sources, hedged claims and plain fact sentences full of
numbers written the local way (2,500 / $4.5 billion vs 2.500 / Rp 1,2 triliun), plus the odd
"Baca juga:" line or wire credit. One topic per article (politics, economy, crime, sport,
disaster, health), with names, places, organisations and numbers drawn fresh for every slot.

    .venv/bin/python bench/corpus.py --lang id      # print one sample article
"""
from __future__ import annotations

import random
import re
import string

DEFAULT_SEED = 20240226
TOPICS = ("politics", "economy", "crime", "sport", "disaster", "health")
MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August",
             "September", "October", "November", "December")
MONTHS_EN_SHORT = ("Jan", "Feb", "March", "April", "May", "June", "July", "Aug", "Sept", "Oct",
                   "Nov", "Dec")
MONTHS_ID = ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
             "September", "Oktober", "November", "Desember")
DAYS_EN = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
DAYS_ID = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")


# --------------------------------------------------------------------------------------------
# English vocabulary (wire style)
# --------------------------------------------------------------------------------------------

EN_FIRST = (("James", "m"), ("Maria", "f"), ("David", "m"), ("Aisha", "f"), ("Robert", "m"),
            ("Elena", "f"), ("Michael", "m"), ("Priya", "f"), ("Daniel", "m"), ("Sofia", "f"),
            ("Thomas", "m"), ("Fatima", "f"), ("Kevin", "m"), ("Laura", "f"), ("Samuel", "m"),
            ("Mei", "f"), ("Jonathan", "m"), ("Grace", "f"), ("Ahmed", "m"), ("Olivia", "f"),
            ("Carlos", "m"), ("Hannah", "f"), ("Viktor", "m"), ("Nadia", "f"), ("Patrick", "m"),
            ("Yuki", "f"), ("Marcus", "m"), ("Ingrid", "f"), ("Tunde", "m"), ("Rachel", "f"))
EN_LAST = ("Harper", "Okafor", "Lindqvist", "Moreno", "Castellano", "Whitfield", "Nakamura",
           "Brennan", "Haddad", "Kowalski", "Mensah", "Delacroix", "Pereira", "Thornton",
           "Sandoval", "Eriksen", "Achebe", "Fitzgerald", "Ramaswamy", "Novak", "Calloway",
           "Bergstrom", "Abara", "Vance", "Takahashi", "Oduya", "Marchetti", "Holloway",
           "Quintero", "Stavros")
EN_CITIES = ("New York", "London", "Washington", "Tokyo", "Nairobi", "Brussels", "Sydney",
             "Sao Paulo", "Singapore", "Manila", "Toronto", "Geneva", "Johannesburg", "Mumbai",
             "Berlin", "Lagos", "Chicago", "Madrid", "Seoul", "Cairo")
EN_COUNTRIES = ("Brazil", "Kenya", "Japan", "Germany", "Canada", "India", "Nigeria", "Spain",
                "the Philippines", "South Africa", "Australia", "Egypt", "Poland", "Chile")
EN_OUTLETS = ("Reuters", "AP", "AFP", "Bloomberg")
EN_TEAMS = ("Riverside United", "Northport City", "Eastvale Rovers", "Kingsbridge FC",
            "Harbour Athletic", "Westmoor Wanderers", "Millbrook Town", "Redcliffe Albion")
EN_STADIUMS = ("Lakeside Arena", "Crown Park", "Victoria Ground", "Millennium Field")
EN_UNIS = ("Columbia University", "the University of Cape Town", "King's College London",
           "the University of Toronto", "Monash University")
EN_BANKS = ("Northgate Capital", "Harbor Street Bank", "Meridian Securities", "Ashford & Co")

EN_ORGS = {
    "politics": ("the Foreign Ministry", "the electoral commission", "the ruling coalition",
                 "the parliamentary budget committee", "the presidential office"),
    "economy": ("the central bank", "the statistics bureau", "the International Monetary Fund",
                "the finance ministry", "the chamber of commerce"),
    "crime": ("the police department", "the prosecutor's office", "the anti-corruption agency",
              "the customs service", "the interior ministry"),
    "sport": ("the football federation", "the organising committee", "the league",
              "the national Olympic committee", "the players' union"),
    "disaster": ("the national disaster agency", "the meteorological office", "the Red Cross",
                 "the coast guard", "the fire service"),
    "health": ("the health ministry", "the World Health Organization", "the disease control agency",
               "the national institute of public health", "the nurses' association"),
}
EN_ROLES = {  # (title used before a name, lower-case description used after a name or alone)
    "politics": (("Foreign Minister", "foreign minister"), ("Senator", "senator"),
                 ("opposition leader", "opposition leader"),
                 ("Deputy Prime Minister", "deputy prime minister"),
                 ("government spokesperson", "government spokesperson")),
    "economy": (("Finance Minister", "finance minister"),
                ("central bank Governor", "central bank governor"),
                ("Trade Secretary", "trade secretary"),
                ("{bank} chief economist", "chief economist at {bank}")),
    "crime": (("police Commissioner", "police commissioner"), ("District Attorney", "district attorney"),
              ("Detective Inspector", "detective inspector"), ("prosecutor", "lead prosecutor")),
    "sport": (("head coach", "head coach of {team}"), ("captain", "{team} captain"),
              ("team manager", "team manager"), ("federation president", "federation president")),
    "disaster": (("Governor", "regional governor"), ("fire chief", "fire chief"),
                 ("emergency services director", "emergency services director"),
                 ("relief coordinator", "relief coordinator for the Red Cross")),
    "health": (("Health Minister", "health minister"), ("chief medical officer", "chief medical officer"),
               ("Dr.", "an epidemiologist at {uni}"), ("hospital director", "director of {city} General Hospital")),
}
EN_CLAUSES = {
    "politics": (
        "the government would submit a revised budget to parliament by {month}",
        "the coalition had secured {seats} of the {total} seats in the lower house",
        "talks with {country} over the disputed border would resume on {day}",
        "the cabinet approved a plan to cut fuel subsidies by {pct}",
        "turnout in the regional election reached {pct}, up from {pct2} four years ago",
        "{count} lawmakers had signed a petition calling for a public inquiry",
        "the president would visit {city} and {city2} later this month",
        "the ballot count in {city} was delayed by {n} hours because of a power cut",
        "the new electoral law would take effect in {year}",
        "the defence budget would rise to {money} next year",
    ),
    "economy": (
        "inflation slowed to {pct} in {month}, the lowest reading in {n} months",
        "the company plans to invest {money} in a new plant near {city}",
        "exports rose {pct} from a year earlier to {money}",
        "the central bank held its benchmark rate at {pct}",
        "the currency weakened {pct} against the dollar in early trading",
        "about {count} jobs would be cut over the next two years",
        "{bank} raised its growth forecast for {country} to {pct}",
        "retail sales fell {pct} in {month} as households cut back on spending",
        "the government plans to raise {money} through a bond sale",
        "the merger would create a group with annual revenue of {money}",
    ),
    "crime": (
        "police arrested {n} suspects in a raid on a warehouse in {city}",
        "investigators seized {count} kilograms of methamphetamine hidden in shipping containers",
        "the suspect was charged with fraud involving {money}",
        "the victim, a {age}-year-old shopkeeper, died at the scene",
        "the trial was expected to begin in {month}",
        "the gang had been operating in {city} for at least {n} years",
        "{count} people had reported losing money to the online scheme",
        "two officers were injured during the arrest on {day}",
        "the former mayor faced up to {n} years in prison if convicted",
        "surveillance footage showed the men leaving the bank shortly after midnight",
    ),
    "sport": (
        "{team} beat {team2} {score} to move to the top of the table",
        "the striker scored twice in the second half",
        "{count} fans attended the final at {stadium}",
        "the club paid {money} to sign the midfielder from {team2}",
        "the tournament would be moved to {month} because of the heat",
        "the goalkeeper would miss at least {n} weeks with a knee injury",
        "{team} had not lost at home since {month}",
        "the federation fined the club {money} for crowd trouble",
        "the marathon in {city} drew a record {count} runners",
        "ticket sales for the series had passed {count}",
    ),
    "disaster": (
        "floodwaters forced {count} residents to leave their homes in {city}",
        "the earthquake, with a magnitude of {mag}, struck at a depth of {n} km",
        "at least {n} people were killed and {n2} were still missing",
        "the wildfire had burned {count} hectares of forest",
        "rescue teams reached the last cut-off village on {day}",
        "more than {count} homes were without power after the storm",
        "the river rose {mag} metres in less than six hours",
        "the government released {money} in emergency aid for the affected provinces",
        "schools in {city} would stay closed until the end of the week",
        "the landslide buried a section of the main highway south of {city}",
    ),
    "health": (
        "{count} new cases of dengue were recorded in {month}",
        "the vaccination campaign had reached {pct} of children under five",
        "hospitals in {city} were operating at {pct} of capacity",
        "the ministry had allocated {money} to expand clinics in rural areas",
        "the outbreak had been traced to a contaminated water supply",
        "waiting times for surgery had doubled to {n} weeks",
        "{count} nurses had left the public system since {year}",
        "the new drug cut hospital admissions by {pct} in a trial of {count} patients",
        "the measles outbreak in {city} had spread to {n} schools",
        "the price of common medicines rose {pct} over the past year",
    ),
}
EN_QUOTES = {
    "politics": ("We are not going to accept a deal that hurts ordinary families",
                 "This is a question of trust, and the public deserves answers",
                 "Our door remains open for dialogue", "The numbers simply do not add up",
                 "We will bring this bill back to the floor next week",
                 "Nobody in this government is above the law"),
    "economy": ("Demand is holding up better than we expected",
                "We see the risks to inflation tilted to the upside",
                "It is too early to declare victory",
                "Investors want clarity, and right now they are not getting it",
                "Small businesses are feeling the squeeze",
                "We expect a gradual recovery in the second half"),
    "crime": ("We will pursue everyone involved in this network",
              "The evidence against the suspects is strong",
              "Residents should stay alert and report anything unusual",
              "This was a carefully planned operation",
              "My client denies all of the charges", "We are not ruling anything out"),
    "sport": ("The boys gave everything tonight", "We knew it would be a tough match",
              "I am proud of how we responded after the break",
              "We have to keep our feet on the ground",
              "The referee made a mistake, but that is football",
              "This title belongs to the supporters"),
    "disaster": ("The water came up so fast we had no time to save anything",
                 "Our priority is to get food and clean water to the evacuation centres",
                 "We are still searching for the missing",
                 "The next 48 hours will be critical",
                 "We lost everything, the house, the car, the shop",
                 "More rain is forecast, so people should not return home yet"),
    "health": ("The situation is under control, but we cannot be complacent",
               "People with symptoms should see a doctor immediately",
               "We need more nurses, not more promises",
               "The data show the campaign is working",
               "Every week of delay costs lives",
               "Our wards are full and our staff are exhausted"),
}
EN_HEADLINES = {
    "politics": ("{country} parliament delays vote on budget as coalition talks drag on",
                 "Opposition calls for inquiry into {city} election count",
                 "President to visit {city} amid border tensions"),
    "economy": ("Inflation slows to {pct} but food prices stay high",
                "{bank} raises growth forecast as exports jump",
                "Central bank holds rates, signals caution"),
    "crime": ("Police arrest {n} in {city} drug raid",
              "Former mayor charged over {money} fraud",
              "Online scam victims top {count}, investigators say"),
    "sport": ("{team} beat {team2} to go top",
              "Injury blow for {team} ahead of final",
              "Record crowd expected at {stadium}"),
    "disaster": ("Floods force thousands from homes in {city}",
                 "Magnitude {mag} quake strikes off coast, no tsunami warning",
                 "Death toll rises to {n} after landslide"),
    "health": ("Dengue cases surge in {city} as rainy season begins",
               "Hospitals near capacity, health officials warn",
               "Vaccination drive reaches {pct} of children"),
}


# --------------------------------------------------------------------------------------------
# Indonesian vocabulary (online-portal style)
# --------------------------------------------------------------------------------------------

ID_FIRST = ("Budi", "Siti", "Agus", "Dewi", "Rudi", "Rina", "Hendra", "Wulan", "Joko", "Fitri",
            "Bambang", "Ratna", "Andi", "Yuliana", "Dedi", "Nurul", "Eko", "Lestari", "Ahmad",
            "Indah", "Rahmat", "Sri", "Teguh", "Maya", "Arif", "Putri", "Hasan", "Kartika",
            "Wahyu", "Dian")
ID_LAST = ("Santoso", "Wijaya", "Pratama", "Hidayat", "Kusuma", "Saputra", "Nasution", "Siregar",
           "Hakim", "Setiawan", "Rahayu", "Gunawan", "Purnomo", "Harahap", "Lubis", "Susanto",
           "Permana", "Sihombing", "Tanjung", "Wibowo", "Kurniawan", "Halim", "Situmorang",
           "Firmansyah", "Utomo", "Suryadi", "Ramadhan", "Aritonang", "Manurung", "Syahputra")
ID_CITIES = ("Jakarta", "Surabaya", "Bandung", "Medan", "Makassar", "Semarang", "Yogyakarta",
             "Palembang", "Denpasar", "Balikpapan", "Pontianak", "Manado", "Padang", "Kupang",
             "Jayapura", "Malang", "Solo", "Bogor")
ID_PROVINCES = ("Jawa Barat", "Jawa Timur", "Jawa Tengah", "Sumatera Utara", "Sulawesi Selatan",
                "Kalimantan Timur", "Nusa Tenggara Timur", "Bali", "Riau", "Aceh", "Papua",
                "Sumatera Barat")
ID_REGENCIES = ("Kabupaten Garut", "Kabupaten Cianjur", "Kabupaten Sleman", "Kabupaten Banyuwangi",
                "Kabupaten Deli Serdang", "Kabupaten Gowa", "Kabupaten Kutai Kartanegara",
                "Kabupaten Lombok Timur", "Kabupaten Bandung Barat", "Kabupaten Sigi")
ID_COUNTRIES = ("Brasil", "Jepang", "Korea Selatan", "Argentina", "Belanda", "Australia",
                "Thailand", "Vietnam", "Malaysia", "Nigeria")
ID_OUTLETS = ("KOMPAS.com", "KOMPAS", "detikNews", "Tempo.co", "WartaKini.id", "KabarNusa")
ID_TEAMS = ("Persib Bandung", "Persija Jakarta", "Arema FC", "PSM Makassar", "Bali United",
            "Persebaya Surabaya", "PSS Sleman", "Borneo FC")
ID_STADIUMS = ("Gelora Bandung Lautan Api", "Gelora Bung Tomo", "Kanjuruhan", "Maguwoharjo",
               "Segiri")
ID_UNIS = ("Universitas Indonesia", "Universitas Gadjah Mada", "Universitas Airlangga",
           "Universitas Hasanuddin", "Institut Teknologi Bandung")
ID_PARTIES = ("Persatuan Rakyat", "Nusantara Maju", "Karya Bangsa", "Suara Desa")
ID_COMPANIES = ("PT Sinar Samudra Energi", "PT Bumi Karya Logistik", "PT Cahaya Tani Sejahtera",
                "PT Mitra Baja Nusantara")

ID_ORGS = {
    "politics": ("DPR", "Kementerian Dalam Negeri", "Komisi Pemilihan Umum", "Partai {party}",
                 "Sekretariat Kabinet"),
    "economy": ("Bank Indonesia", "Badan Pusat Statistik", "Kementerian Keuangan",
                "Otoritas Jasa Keuangan", "Kamar Dagang dan Industri"),
    "crime": ("Polda {prov}", "Kejaksaan Negeri {city}", "Komisi Pemberantasan Korupsi",
              "Badan Narkotika Nasional", "Polres {city}"),
    "sport": ("PSSI", "panitia pelaksana", "operator liga", "Komite Olimpiade Indonesia", "manajemen klub"),
    "disaster": ("BNPB", "BPBD {prov}", "BMKG", "Basarnas", "Palang Merah Indonesia"),
    "health": ("Kementerian Kesehatan", "Dinas Kesehatan {prov}", "Ikatan Dokter Indonesia",
               "RSUD {city}", "Badan Pengawas Obat dan Makanan"),
}
ID_ROLES = {
    "politics": ("Ketua DPR", "Wakil Ketua Komisi II DPR", "Menteri Dalam Negeri",
                 "juru bicara Partai {party}", "Sekretaris Jenderal Partai {party}", "Gubernur {prov}"),
    "economy": ("Menteri Keuangan", "Gubernur Bank Indonesia", "Kepala Badan Pusat Statistik",
                "ekonom {uni}", "Direktur Utama {company}"),
    "crime": ("Kapolres {city}", "Kasat Reskrim Polres {city}", "Kepala Kejaksaan Negeri {city}",
              "Kabid Humas Polda {prov}"),
    "sport": ("pelatih {team}", "Ketua Umum PSSI", "kapten {team}", "manajer {team}"),
    "disaster": ("Kepala BPBD {prov}", "Kepala Pusat Data dan Informasi BNPB", "Kepala Basarnas {city}",
                 "Bupati {regency_short}"),
    "health": ("Kepala Dinas Kesehatan {prov}", "Menteri Kesehatan", "Direktur RSUD {city}",
               "epidemiolog {uni}"),
}
ID_CLAUSES = {
    "politics": (
        "pemerintah akan mengajukan revisi anggaran ke DPR paling lambat {month}",
        "rapat paripurna menyetujui rancangan undang-undang tersebut dengan {n} suara",
        "partisipasi pemilih dalam pilkada {prov} mencapai {pct}",
        "koalisi pendukung pemerintah menguasai {seats} dari {total} kursi di parlemen",
        "kunjungan kerja presiden ke {city} dijadwalkan berlangsung pada {day}",
        "sebanyak {count} kepala desa menolak rencana pemekaran wilayah tersebut",
        "penghitungan suara di {city} sempat tertunda {n} jam akibat pemadaman listrik",
        "anggaran pertahanan tahun depan naik menjadi {rp}",
        "aturan baru itu mulai berlaku pada {year}",
        "rapat dengar pendapat dengan menteri digelar secara tertutup",
    ),
    "economy": (
        "inflasi tahunan turun menjadi {pct} pada {month}",
        "nilai ekspor nonmigas naik {pct} menjadi {usd}",
        "perusahaan berencana menanamkan investasi senilai {rp} di kawasan industri {city}",
        "Bank Indonesia mempertahankan suku bunga acuan di level {pct}",
        "harga beras medium di pasar tradisional naik menjadi {price} per kilogram",
        "rupiah melemah {pct} terhadap dolar AS pada perdagangan pagi",
        "sekitar {count} pekerja terancam dirumahkan hingga akhir tahun",
        "penjualan ritel turun {pct} dibandingkan bulan sebelumnya",
        "pemerintah menargetkan penerimaan pajak sebesar {rp}",
        "{company} membukukan laba bersih {rp} sepanjang semester pertama",
    ),
    "crime": (
        "polisi menangkap {n} tersangka dalam penggerebekan di sebuah gudang di {city}",
        "petugas menyita {count} gram sabu yang disembunyikan di dalam kardus",
        "tersangka diduga menggelapkan dana nasabah sebesar {rp}",
        "korban, seorang pedagang berusia {age} tahun, tewas di lokasi kejadian",
        "para pelaku dijerat pasal berlapis dengan ancaman hukuman maksimal {n} tahun penjara",
        "jaringan tersebut sudah beroperasi di {city} sedikitnya {n} tahun",
        "sebanyak {count} warga melaporkan kehilangan uang akibat penipuan daring itu",
        "dua petugas terluka saat melakukan penangkapan pada {day}",
        "sidang perdana kasus tersebut akan digelar pada {month}",
        "rekaman kamera pengawas memperlihatkan pelaku kabur menggunakan sepeda motor",
    ),
    "sport": (
        "{team} menaklukkan {team2} dengan skor {score} di Stadion {stadium}",
        "sebanyak {count} suporter memadati stadion pada laga tersebut",
        "pemain asal {country} itu mencetak dua gol di babak kedua",
        "klub mengeluarkan dana sekitar {rp} untuk merekrut gelandang tersebut",
        "turnamen akan digelar di {city} mulai {month}",
        "penjaga gawang utama harus absen sedikitnya {n} pekan karena cedera lutut",
        "{team} belum terkalahkan di kandang sejak {month}",
        "komisi disiplin menjatuhkan denda {rp} kepada klub",
        "lomba lari maraton di {city} diikuti {count} peserta",
        "tiket pertandingan habis terjual dalam waktu {n} jam",
    ),
    "disaster": (
        "banjir setinggi {cm} sentimeter merendam {count} rumah warga di {regency}",
        "gempa bermagnitudo {mag} mengguncang wilayah {prov} pada kedalaman {n} kilometer",
        "sedikitnya {n} orang meninggal dunia dan {n2} lainnya masih dinyatakan hilang",
        "kebakaran hutan dan lahan telah menghanguskan {count} hektare",
        "sebanyak {count} warga mengungsi ke balai desa dan masjid terdekat",
        "tim SAR gabungan baru bisa menjangkau desa yang terisolasi pada {day}",
        "longsor menutup akses jalan provinsi yang menghubungkan {city} dan {regency}",
        "pemerintah menyalurkan bantuan darurat senilai {rp} bagi para korban",
        "sekolah di {city} diliburkan hingga akhir pekan",
        "ketinggian air sungai naik {mag} meter dalam waktu kurang dari enam jam",
    ),
    "health": (
        "jumlah kasus demam berdarah di {prov} mencapai {count} sepanjang {month}",
        "cakupan imunisasi dasar lengkap baru mencapai {pct}",
        "tingkat keterisian tempat tidur di RSUD {city} mencapai {pct}",
        "pemerintah mengalokasikan anggaran {rp} untuk pembangunan puskesmas",
        "wabah tersebut diduga berasal dari sumber air yang tercemar",
        "sebanyak {count} anak mengalami gizi buruk di {regency}",
        "antrean operasi di rumah sakit rujukan mencapai {n} pekan",
        "harga sejumlah obat generik naik {pct} dalam setahun terakhir",
        "kasus campak di {city} sudah menyebar ke {n} sekolah",
        "program cek kesehatan gratis telah menjangkau {count} warga",
    ),
}
ID_QUOTES = {
    "politics": ("Kami tidak akan menyetujui kebijakan yang memberatkan rakyat kecil",
                 "Pintu dialog tetap terbuka bagi semua pihak",
                 "Masyarakat berhak mendapatkan penjelasan yang utuh",
                 "Kami akan membawa usulan ini ke rapat paripurna pekan depan",
                 "Tidak ada yang kebal hukum di negeri ini",
                 "Semua opsi masih kami kaji bersama fraksi lain"),
    "economy": ("Permintaan domestik masih cukup kuat",
                "Kami melihat risiko inflasi masih perlu diwaspadai",
                "Terlalu dini untuk menyimpulkan bahwa ekonomi sudah pulih",
                "Investor membutuhkan kepastian hukum",
                "Pelaku usaha kecil paling merasakan dampaknya",
                "Kami optimistis pertumbuhan akan membaik pada semester kedua"),
    "crime": ("Kami akan mengejar semua pihak yang terlibat dalam jaringan ini",
              "Barang bukti yang kami temukan sudah cukup kuat",
              "Kami imbau warga tetap waspada dan segera melapor",
              "Para pelaku sudah merencanakan aksinya sejak lama",
              "Klien kami membantah seluruh tuduhan tersebut",
              "Motifnya masih kami dalami"),
    "sport": ("Anak-anak sudah berjuang habis-habisan malam ini",
              "Kami tahu laga ini tidak akan mudah",
              "Saya bangga dengan cara tim bangkit di babak kedua",
              "Kami harus tetap membumi",
              "Keputusan wasit memang merugikan, tapi itulah sepak bola",
              "Gelar ini kami persembahkan untuk para suporter"),
    "disaster": ("Airnya naik cepat sekali, kami tidak sempat menyelamatkan barang",
                 "Prioritas kami adalah menyalurkan makanan dan air bersih ke lokasi pengungsian",
                 "Pencarian korban hilang masih terus dilakukan",
                 "Tiga hari ke depan sangat menentukan",
                 "Rumah, motor, warung, semuanya habis",
                 "Hujan diperkirakan masih turun, jadi warga jangan dulu kembali ke rumah"),
    "health": ("Situasinya terkendali, tetapi masyarakat jangan lengah",
               "Warga yang mengalami gejala diminta segera memeriksakan diri ke puskesmas",
               "Kami butuh tambahan tenaga perawat",
               "Data menunjukkan program ini berjalan efektif",
               "Setiap pekan keterlambatan bisa berakibat fatal",
               "Bangsal kami penuh dan tenaga kesehatan sudah kelelahan"),
}
ID_HEADLINES = {
    "politics": ("DPR Tunda Pengesahan Anggaran, Koalisi Masih Berunding",
                 "Penghitungan Suara di {city} Tertunda, Oposisi Minta Audit",
                 "Presiden Dijadwalkan Kunjungi {city} Pekan Depan"),
    "economy": ("Inflasi Turun ke {pct}, Harga Pangan Masih Tinggi",
                "Rupiah Melemah, BI Pertahankan Suku Bunga",
                "{company} Siapkan Investasi {rp} di {city}"),
    "crime": ("Polisi Tangkap {n} Tersangka Narkoba di {city}",
              "Kasus Penipuan Daring, Korban Capai {count} Orang",
              "Mantan Pejabat Didakwa Gelapkan Dana {rp}"),
    "sport": ("{team} Tekuk {team2}, Kini Puncaki Klasemen",
              "Kiper Utama {team} Cedera Jelang Laga Penentuan",
              "Tiket Laga Final Ludes dalam {n} Jam"),
    "disaster": ("Banjir Rendam {count} Rumah di {regency}, Ribuan Warga Mengungsi",
                 "Gempa M{mag} Guncang {prov}, Tidak Berpotensi Tsunami",
                 "Korban Longsor Bertambah Jadi {n} Orang"),
    "health": ("Kasus DBD di {prov} Melonjak Saat Musim Hujan",
               "RSUD {city} Nyaris Penuh, Dinkes Minta Warga Waspada",
               "Cakupan Imunisasi Baru {pct}, Pemerintah Kejar Target"),
}


# --------------------------------------------------------------------------------------------
# Slot filling
# --------------------------------------------------------------------------------------------

def _cap(s: str) -> str:
    if s[:1].isdigit():  # house style: never start a sentence with a figure
        return "A total of " + s
    return s[:1].upper() + s[1:]


def _the(desc: str) -> str:
    """'the finance minister', but 'an epidemiologist at ...' keeps its own article."""
    return desc if desc.split(" ", 1)[0] in ("a", "an", "the") else "the " + desc


_TIMED = re.compile(r"\b(?:%s|ago|year|\d{4})\b" % "|".join(DAYS_EN + DAYS_ID + MONTHS_EN + MONTHS_ID))


def _timeless(clause: str) -> bool:
    """True if the clause names no day, month or year, so a time phrase can be added."""
    return _TIMED.search(clause) is None


class _Slots(dict):
    """``str.format_map`` mapping that invents a value for each slot the first time it is asked."""

    def __init__(self, gen: "_Generator"):
        super().__init__()
        self.gen = gen

    def __missing__(self, key: str) -> str:
        base = key.rstrip(string.digits)
        value = self.gen.slot(base)
        if base != key:  # {team2}, {city2}: keep it different from the unnumbered one
            for _ in range(8):
                if value != self.get(base):
                    break
                value = self.gen.slot(base)
        self[key] = value
        return value


class _Generator:
    lang = ""

    def __init__(self, rng: random.Random):
        self.rng = rng
        self.topic = "politics"
        self.pools: dict[str, tuple] = {}

    def fill(self, template: str, **fixed: str) -> str:
        slots = _Slots(self)
        slots.update(fixed)
        # nested templates (roles, orgs) may themselves contain slots
        out = template.format_map(slots)
        return out.format_map(slots) if "{" in out else out

    def pick(self, seq):
        return seq[self.rng.randrange(len(seq))]

    def number(self) -> int:
        return self.rng.randint(2, 12) if self.rng.random() < 0.6 else self.rng.randint(13, 48)

    def count(self) -> int:
        return self.rng.choice((self.rng.randint(120, 990), self.rng.randint(1, 99) * 100,
                                self.rng.randint(1000, 250000)))

    def article(self) -> tuple[str, int]:
        """One article and the number of sentences it was built from."""
        rng = self.rng
        self.topic = self.pick(TOPICS)
        self.speaker = self.person()
        total = rng.randint(10, 30)
        sentences: list[str] = [self.lead()]
        extra_lines: list[tuple[int, str]] = []
        kinds = ("fact", "quote_line", "reported", "anon", "hedge", "numbers")
        weights = (28, 24, 22, 9, 8, 9)
        while len(sentences) < total - 1:
            kind = rng.choices(kinds, weights)[0]
            if rng.random() < 0.25:
                self.speaker = self.person()
            piece = getattr(self, kind)()
            sentences.extend(piece if isinstance(piece, list) else [piece])
        if len(sentences) < total:
            sentences.append(self.fact())
        body = self.paragraphs(sentences)
        n = len(sentences) + 1  # + headline
        read_also = self.read_also()
        if read_also and rng.random() < 0.35 and len(body) > 3:
            extra_lines.append((rng.randint(2, len(body) - 1), read_also))
        closing = self.closing()
        for pos, line in sorted(extra_lines, reverse=True):
            body.insert(pos, line)
        n += len(extra_lines)
        if closing:
            body.append(closing)
            n += 1
        return self.headline() + "\n\n" + "\n\n".join(body) + "\n", n

    def paragraphs(self, sentences: list[str]) -> list[str]:
        out, i = [], 0
        lo, hi = self.paragraph_size
        while i < len(sentences):
            k = self.rng.randint(lo, hi)
            out.append(" ".join(sentences[i:i + k]))
            i += k
        return out

    def read_also(self) -> str:
        return ""

    def closing(self) -> str:
        return ""


class _English(_Generator):
    lang = "en"
    paragraph_size = (1, 2)

    def person(self) -> dict:
        first, gender = self.pick(EN_FIRST)
        last = self.pick(EN_LAST)
        title, desc = self.pick(EN_ROLES[self.topic])
        return {"first": first, "last": last, "name": f"{first} {last}",
                "he": "he" if gender == "m" else "she", "title": self.fill(title),
                "desc": self.fill(desc)}

    def slot(self, base: str) -> str:
        rng = self.rng
        if base == "city":
            return self.pick(EN_CITIES)
        if base == "country":
            return self.pick(EN_COUNTRIES)
        if base == "n":
            return str(self.number())
        if base == "total":
            return str(rng.choice((120, 250, 300, 450, 575)))
        if base == "seats":
            return str(rng.randint(31, 118))
        if base == "count":
            return f"{self.count():,}"
        if base == "pct":
            return rng.choice(("{:.1f}%", "{:.1f} percent", "{:.0f}%"))\
                .format(rng.uniform(0.3, 48))
        if base == "money":
            cur = rng.choice(("$", "$", "$", "€", "£"))
            if rng.random() < 0.5:
                return f"{cur}{rng.uniform(1, 95):.1f} billion"
            return f"{cur}{rng.randint(2, 900)} million"
        if base == "month":
            return self.pick(MONTHS_EN)
        if base == "day":
            return self.pick(DAYS_EN)
        if base == "year":
            return str(rng.randint(2015, 2027))
        if base == "age":
            return str(rng.randint(17, 84))
        if base == "team":
            return self.pick(EN_TEAMS)
        if base == "stadium":
            return self.pick(EN_STADIUMS)
        if base == "score":
            a = rng.randint(1, 5)
            return f"{a}-{rng.randint(0, a - 1)}"
        if base == "mag":
            return f"{rng.uniform(2.0, 7.9):.1f}"
        if base == "bank":
            return self.pick(EN_BANKS)
        if base == "uni":
            return self.pick(EN_UNIS)
        if base == "org":
            return self.pick(EN_ORGS[self.topic])
        if base == "outlet":
            return self.pick(EN_OUTLETS)
        raise KeyError(base)

    def clause(self) -> str:
        return self.fill(self.pick(EN_CLAUSES[self.topic]))

    def quote(self) -> str:
        return self.pick(EN_QUOTES[self.topic])

    def headline(self) -> str:
        return self.fill(self.pick(EN_HEADLINES[self.topic]))

    def dateline(self) -> str:
        rng = self.rng
        city = self.pick(EN_CITIES).upper()
        outlet = self.pick(EN_OUTLETS)
        if outlet == "Reuters":
            return f"{city}, {self.pick(MONTHS_EN_SHORT)} {rng.randint(1, 28)} (Reuters) -"
        return f"{city} ({outlet}) —"

    def lead(self) -> str:
        s, c = self.speaker, _cap(self.clause())
        day = self.slot("day")
        body = self.pick((
            f"{c}, {s['title']} {s['name']} said on {day}.",
            f"{c}, officials said on {day}, as {self.slot('org')} prepared for further talks.",
            f"{c}, according to figures released on {day}.",
            f"{c} on {day}." if _timeless(c) else f"{c}, {s['last']} said.",
        ))
        return f"{self.dateline()} {body}"

    def fact(self) -> str:
        c, r = self.clause(), self.rng.random()
        if r < 0.5 or not _timeless(c):
            return f"{_cap(c)}."
        if r < 0.75:
            return f"{_cap(c)} on {self.slot('day')}."
        return f"In {self.slot('month')}, {c}."

    def numbers(self) -> str:
        return self.fill(self.pick((
            "The figure compares with {count} a year earlier and {count2} in {year}.",
            "Of the {money} pledged, only {pct} has been paid out so far.",
            "The index fell {pct} to {count} points, its weakest close since {month}.",
            "About {pct} of the {count} people surveyed said they supported the plan.",
            "Estimates from {org} put the total cost at {money}, or roughly {pct} of output.",
        )))

    def quote_line(self) -> list[str] | str:
        s, q = self.speaker, self.quote()
        forms = (
            f"“{q},” {s['title']} {s['name']} said.",
            f"\"{q},\" {_the(s['desc'])} said.",
            f"\"{q},\" {s['last']} told reporters in {self.slot('city')}.",
            f"“{q},” said {s['name']}, {s['desc']}.",
            f"{s['name']}, {s['desc']}, said: “{q}.”",
            f"“{q},” {s['he']} added.",
        )
        if self.rng.random() < 0.15:
            q2 = self.quote()
            return [f"“{q},” {s['last']} said.", f"“{q2}.”"]
        return self.pick(forms)

    def reported(self) -> str:
        s, c = self.speaker, self.clause()
        return self.pick((
            f"{s['title']} {s['name']} said that {c}.",
            f"{s['name']}, {s['desc']}, said {c}.",
            f"{s['last']} told {self.slot('outlet')} that {c}.",
            f"According to {self.slot('org')}, {c}.",
            f"{_cap(c)}, {s['last']} said.",
            f"{_cap(c)}, {s['he']} added.",
            f"{s['last']} told a news conference in {self.slot('city')} on {self.slot('day')} that {c}.",
            f"{_cap(self.slot('org'))} said in a statement that {c}.",
        ))

    def anon(self) -> str:
        c = self.clause()
        return self.pick((
            f"{_cap(c)}, officials familiar with the talks said.",
            f"{_cap(c)}, according to two people with knowledge of the matter.",
            f"A senior official, who spoke on condition of anonymity because the discussions "
            f"were private, said {c}.",
            f"Sources close to {self.slot('org')} said {c}.",
            f"{_cap(c)}, a person briefed on the plans told {self.slot('outlet')}.",
        ))

    def hedge(self) -> str:
        c = self.clause()
        return self.pick((
            f"Reportedly, {c}.",
            f"{_cap(c)}, local media reported.",
            f"It is widely believed that {c}.",
            f"There were unconfirmed reports that {c}.",
            f"Some analysts say {c}.",
            f"It was not immediately clear whether {c}.",
        ))

    def closing(self) -> str:
        if self.rng.random() < 0.6:
            a, b = self.person(), self.person()
            return f"(Reporting by {a['name']}; Editing by {b['name']})"
        return ""


class _Indonesian(_Generator):
    lang = "id"
    paragraph_size = (1, 3)

    def person(self) -> dict:
        first = self.pick(ID_FIRST)
        last = self.pick(ID_LAST)
        name = first if self.rng.random() < 0.15 else f"{first} {last}"
        short = name.split()[-1]
        return {"name": name, "last": short, "title": self.fill(self.pick(ID_ROLES[self.topic]))}

    def slot(self, base: str) -> str:
        rng = self.rng
        if base == "city":
            return self.pick(ID_CITIES)
        if base == "prov":
            return self.pick(ID_PROVINCES)
        if base == "regency":
            return self.pick(ID_REGENCIES)
        if base == "regency_short":
            return self.pick(ID_REGENCIES).replace("Kabupaten ", "")
        if base == "country":
            return self.pick(ID_COUNTRIES)
        if base == "n":
            return str(self.number())
        if base == "total":
            return str(rng.choice((120, 250, 300, 450, 575)))
        if base == "seats":
            return str(rng.randint(31, 118))
        if base == "count":
            return f"{self.count():,}".replace(",", ".")
        if base == "pct":
            v = f"{rng.uniform(0.3, 48):.1f}".replace(".", ",")
            return rng.choice((f"{v}%", f"{v} persen", f"{v} persen"))
        if base == "rp":
            r = rng.random()
            if r < 0.4:
                return f"Rp {rng.uniform(1, 95):.1f} triliun".replace(".", ",")
            if r < 0.8:
                return f"Rp {rng.randint(2, 900)} miliar"
            return f"Rp {rng.randint(5, 950)} juta"
        if base == "usd":
            return f"US$ {rng.uniform(1, 60):.1f} miliar".replace(".", ",")
        if base == "price":
            return f"Rp {rng.randint(9, 19)}.{rng.choice(('000', '250', '500', '750'))}"
        if base == "cm":
            return str(rng.randint(3, 20) * 10)
        if base == "month":
            return self.pick(MONTHS_ID)
        if base == "day":
            month = rng.randint(1, 12)
            return f"{self.pick(DAYS_ID)} ({rng.randint(1, 28)}/{month})"
        if base == "year":
            return str(rng.randint(2015, 2027))
        if base == "age":
            return str(rng.randint(17, 84))
        if base == "team":
            return self.pick(ID_TEAMS)
        if base == "stadium":
            return self.pick(ID_STADIUMS)
        if base == "score":
            a = rng.randint(1, 5)
            return f"{a}-{rng.randint(0, a - 1)}"
        if base == "mag":
            return f"{rng.uniform(2.0, 7.9):.1f}".replace(".", ",")
        if base == "uni":
            return self.pick(ID_UNIS)
        if base == "party":
            return self.pick(ID_PARTIES)
        if base == "company":
            return self.pick(ID_COMPANIES)
        if base == "org":
            return self.fill(self.pick(ID_ORGS[self.topic]))
        if base == "outlet":
            return self.pick(ID_OUTLETS)
        raise KeyError(base)

    def clause(self) -> str:
        return self.fill(self.pick(ID_CLAUSES[self.topic]))

    def quote(self) -> str:
        return self.pick(ID_QUOTES[self.topic])

    def headline(self) -> str:
        return self.fill(self.pick(ID_HEADLINES[self.topic]))

    def dateline(self) -> str:
        city = self.pick(ID_CITIES)
        outlet = self.pick(ID_OUTLETS)
        r = self.rng.random()
        if r < 0.6:
            return f"{city.upper()}, {outlet} —"
        if r < 0.8:
            return f"{city.upper()}, {outlet} -"
        return f"{city} (ANTARA) -"

    def lead(self) -> str:
        s, c = self.speaker, self.clause()
        day = self.slot("day")
        body = self.pick((
            f"{_cap(c)}, kata {s['title']} {s['name']}, {day}.",
            f"{_cap(c)}, menurut data {self.slot('org')} yang dirilis {day}.",
            f"{_cap(c)} pada {day}." if _timeless(c) else f"{_cap(c)}, ujar {s['name']}.",
            f"{s['title']} {s['name']} mengatakan, {c}.",
        ))
        return f"{self.dateline()} {body}"

    def fact(self) -> str:
        c, r = self.clause(), self.rng.random()
        if r < 0.5 or not _timeless(c):
            return f"{_cap(c)}."
        if r < 0.75:
            return f"{_cap(c)} pada {self.slot('day')}."
        return f"Pada {self.slot('month')} lalu, {c}."

    def numbers(self) -> str:
        return self.fill(self.pick((
            "Angka tersebut naik dibandingkan tahun lalu yang tercatat {count} dan {count2} pada {year}.",
            "Dari total {rp} yang dijanjikan, baru {pct} yang sudah dicairkan.",
            "Indeks harga saham gabungan turun {pct} ke level {count}.",
            "Sekitar {pct} dari {count} responden menyatakan setuju dengan rencana itu.",
            "Total kerugian ditaksir mencapai {rp} atau setara {pct} dari anggaran daerah.",
        )))

    def quote_line(self) -> list[str] | str:
        s, q = self.speaker, self.quote()
        forms = (
            f"“{q},” kata {s['title']} {s['name']}.",
            f"“{q},” ujar {s['name']} di {self.slot('city')}, {self.slot('day')}.",
            f"\"{q},\" kata {s['last']} saat dikonfirmasi, {self.slot('day')}.",
            f"“{q},” ujarnya.",
            f"“{q},” tuturnya kepada wartawan.",
            f"{s['name']} mengatakan, “{q}.”",
            f"\"{q},\" ucap {s['title']} {s['name']}.",
        )
        if self.rng.random() < 0.15:
            q2 = self.quote()
            return [f"“{q},” jelas {s['last']}.", f"“{q2},” imbuhnya."]
        return self.pick(forms)

    def reported(self) -> str:
        s, c = self.speaker, self.clause()
        return self.pick((
            f"{s['title']} {s['name']} mengatakan bahwa {c}.",
            f"{s['name']} menyebutkan, {c}.",
            f"Menurut {s['last']}, {c}.",
            f"Menurut data {self.slot('org')}, {c}.",
            f"{_cap(c)}, ujarnya.",
            f"{_cap(c)}, tambahnya.",
            f"{_cap(c)}, kata {s['last']}.",
            f"{s['last']} menjelaskan, {c}.",
            f"Hal itu disampaikan {s['title']} {s['name']} dalam konferensi pers di "
            f"{self.slot('city')}, {self.slot('day')}.",
        ))

    def anon(self) -> str:
        c = self.clause()
        return self.pick((
            f"{_cap(c)}, kata sumber yang enggan disebut namanya.",
            f"Seorang pejabat yang tidak mau disebutkan namanya mengatakan, {c}.",
            f"Menurut sumber di lingkungan {self.slot('org')}, {c}.",
            f"{_cap(c)}, ungkap seorang pejabat yang meminta identitasnya dirahasiakan.",
            f"Sumber internal {self.slot('org')} menyebutkan {c}.",
        ))

    def hedge(self) -> str:
        c = self.clause()
        return self.pick((
            f"Dilaporkan, {c}.",
            f"Kabarnya, {c}.",
            f"{_cap(c)}, seperti dilansir {self.slot('outlet')}.",
            f"Diduga {c}.",
            f"Beredar kabar bahwa {c}.",
            f"Disebut-sebut {c}.",
        ))

    def read_also(self) -> str:
        return "Baca juga: " + self.headline()

    def closing(self) -> str:
        if self.rng.random() < 0.5:
            a = "".join(self.rng.choice(string.ascii_lowercase) for _ in range(3))
            b = "".join(self.rng.choice(string.ascii_lowercase) for _ in range(3))
            return f"({a}/{b})"
        return ""


GENERATORS = {"en": _English, "id": _Indonesian}


def build_corpus(lang: str, min_sentences: int, seed: int = DEFAULT_SEED) -> tuple[list[str], int]:
    """Articles in ``lang`` totalling at least ``min_sentences`` built sentences.

    Returns the texts and the number of sentences the generator put into them (headlines,
    "Baca juga" lines and credits count as one each; datelines are part of the lead).
    """
    rng = random.Random(f"{seed}:{lang}")
    gen = GENERATORS[lang](rng)
    texts: list[str] = []
    built = 0
    while built < min_sentences:
        text, n = gen.article()
        texts.append(text)
        built += n
    return texts, built


def sample_article(lang: str, seed: int = DEFAULT_SEED) -> str:
    """A single short article, for warm-up calls and eyeballing."""
    return build_corpus(lang, 1, seed + 1)[0][0]


if __name__ == "__main__":
    import argparse

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--lang", choices=("en", "id"), default="en")
    ap.add_argument("--seed", type=int, default=DEFAULT_SEED)
    ap.add_argument("--articles", type=int, default=1)
    args = ap.parse_args()
    gen = GENERATORS[args.lang](random.Random(f"{args.seed}:{args.lang}"))
    for _ in range(args.articles):
        print(gen.article()[0])
