#!/usr/bin/env python3
"""Builds the Pohon Kinerja (performance tree) sample PDFs in this folder.

Each document is written as a flat OpenDocument text file (.fodt) and
converted to PDF by LibreOffice headless, like the office exports agencies
publish:

- pohon_tabel_2024_dinsos_kota_sukamaju.pdf: the table form (mandate,
  outcome, output, indicator, operational definition, formula, target,
  crosscutting agencies) on A4 landscape, cells wrapping over many lines,
  the second group running on over the page break, and a sign-off block
  with a verification table after it;
- pohon_cascading_2023_dinsos_kab_sukajaya.pdf: the cascading list form
  (numbered goals and indicators, dash-bulleted sub-indicators, a
  "LANJUTAN INDIKATOR n" continuation on a new page);
- lkjip_2024_dinsos_kota_sukamaju.pdf: a small performance report of the
  same agency as the table form, whose indicators match the catalog (one
  worded a little differently, one computed with the wrong polarity).

The agencies and figures are invented. Run: python3 samples/pohon/generate.py
(needs LibreOffice: apt-get install -y libreoffice-writer).
"""
import os
import shutil
import subprocess
import sys
import tempfile
from xml.sax.saxutils import escape

HERE = os.path.dirname(os.path.abspath(__file__))

NS = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
    'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"'
)


def document(body, columns, landscape=True, font_size="8pt"):
    """A whole .fodt: page layout, styles and `body` (ODF text XML)."""
    width, height = ("29.7cm", "21cm") if landscape else ("21cm", "29.7cm")
    cols = "".join(
        f'<style:style style:name="C{i}" style:family="table-column">'
        f'<style:table-column-properties style:column-width="{w}"/></style:style>'
        for i, w in enumerate(columns)
    )
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<office:document {NS} office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.text">
<office:font-face-decls>
 <style:font-face style:name="Liberation Sans" svg:font-family="'Liberation Sans'" style:font-family-generic="swiss"/>
</office:font-face-decls>
<office:styles>
 <style:default-style style:family="paragraph">
  <style:paragraph-properties fo:margin-top="0cm" fo:margin-bottom="0cm"/>
  <style:text-properties style:font-name="Liberation Sans" fo:font-size="{font_size}" fo:language="id" fo:country="ID"/>
 </style:default-style>
</office:styles>
<office:automatic-styles>
 <style:page-layout style:name="pm1">
  <style:page-layout-properties fo:page-width="{width}" fo:page-height="{height}" style:print-orientation="{'landscape' if landscape else 'portrait'}"
   fo:margin-top="1.5cm" fo:margin-bottom="1.5cm" fo:margin-left="1.5cm" fo:margin-right="1.5cm"/>
 </style:page-layout>
 <style:style style:name="Tbl" style:family="table">
  <style:table-properties style:width="{sum_cm(columns[:10])}cm" table:align="left" fo:margin-top="0.2cm" fo:margin-bottom="0.4cm"/>
 </style:style>
 {cols}
 <style:style style:name="Cell" style:family="table-cell">
  <style:table-cell-properties fo:border="0.5pt solid #000000" fo:padding="0.08cm" style:vertical-align="top"/>
 </style:style>
 <style:style style:name="Head" style:family="table-cell">
  <style:table-cell-properties fo:border="0.5pt solid #000000" fo:padding="0.08cm" style:vertical-align="middle" fo:background-color="#d9d9d9"/>
 </style:style>
 <style:style style:name="Title" style:family="paragraph">
  <style:paragraph-properties fo:text-align="center" fo:margin-bottom="0.3cm"/>
  <style:text-properties fo:font-size="12pt" fo:font-weight="bold"/>
 </style:style>
 <style:style style:name="Bold" style:family="paragraph">
  <style:paragraph-properties fo:margin-top="0.25cm"/>
  <style:text-properties fo:font-weight="bold"/>
 </style:style>
 <style:style style:name="HeadP" style:family="paragraph">
  <style:paragraph-properties fo:text-align="center"/>
  <style:text-properties fo:font-weight="bold"/>
 </style:style>
 <style:style style:name="Item" style:family="paragraph">
  <style:paragraph-properties fo:margin-left="0.9cm" fo:text-indent="-0.6cm" fo:margin-bottom="0.05cm"/>
 </style:style>
 <style:style style:name="Sub" style:family="paragraph">
  <style:paragraph-properties fo:margin-left="1.5cm" fo:text-indent="-0.5cm" fo:margin-bottom="0.05cm"/>
 </style:style>
 <style:style style:name="Plain" style:family="paragraph">
  <style:paragraph-properties fo:margin-top="0.2cm" fo:margin-bottom="0.1cm"/>
 </style:style>
 <style:style style:name="Right" style:family="paragraph">
  <style:paragraph-properties fo:margin-left="17cm"/>
 </style:style>
 <style:style style:name="Break" style:family="paragraph">
  <style:paragraph-properties fo:break-before="page"/>
  <style:text-properties fo:font-weight="bold"/>
 </style:style>
</office:automatic-styles>
<office:master-styles><style:master-page style:name="Standard" style:page-layout-name="pm1"/></office:master-styles>
<office:body><office:text>
{body}
</office:text></office:body></office:document>
"""


def sum_cm(columns):
    return round(sum(float(c.rstrip("cm")) for c in columns), 2)


def p(text, style=None):
    s = f' text:style-name="{style}"' if style else ""
    return f"<text:p{s}>{escape(text)}</text:p>"


def cell(paragraphs, style="Cell", rows=1, cols=1, pstyle=None):
    if isinstance(paragraphs, str):
        paragraphs = [paragraphs] if paragraphs else []
    span = ""
    if rows > 1:
        span += f' table:number-rows-spanned="{rows}"'
    if cols > 1:
        span += f' table:number-columns-spanned="{cols}"'
    inner = "".join(p(t, pstyle) for t in paragraphs) or "<text:p/>"
    out = f'<table:table-cell table:style-name="{style}" office:value-type="string"{span}>{inner}</table:table-cell>'
    return out + "<table:covered-table-cell/>" * (cols - 1)


COVERED = "<table:covered-table-cell/>"


def table(columns, header_rows, body_rows, first_column=0):
    cols = "".join(f'<table:table-column table:style-name="C{first_column + i}"/>' for i in range(len(columns)))
    head = "".join(f"<table:table-row>{r}</table:table-row>" for r in header_rows)
    body = "".join(f"<table:table-row>{r}</table:table-row>" for r in body_rows)
    return (f'<table:table table:name="T" table:style-name="Tbl">{cols}'
            f"<table:table-header-rows>{head}</table:table-header-rows>{body}</table:table>")


# ---------------------------------------------------------------------------
# 1. Table form (Kota Sukamaju, 2024-2026)

TABLE_TITLE = "POHON KINERJA DINAS SOSIAL KOTA SUKAMAJU TAHUN 2024-2026"

# Each group: number, mandate, rows. A row: (outcome, output, indicator,
# definition, formula, target, crosscutting agencies, crosscutting indicators).
TABLE_GROUPS = [
    ("1", "Menurunnya masalah kesejahteraan sosial", [
        ("Meningkatnya cakupan PPKS yang mendapat pelayanan sosial", "",
         "Persentase PPKS yang tertangani",
         "Perseorangan, keluarga, kelompok, dan/atau masyarakat yang karena suatu hambatan, kesulitan, "
         "atau gangguan tidak dapat melaksanakan fungsi sosialnya, sehingga memerlukan pelayanan sosial "
         "untuk memenuhi kebutuhan hidupnya secara memadai dan wajar",
         "Jml PPKS yang memperoleh bantuan sosial dalam 1 tahun / Jumlah PPKS dalam 1 tahun yang "
         "seharusnya memperoleh bantuan X 100%",
         "85,50%",
         ["DINAS KESEHATAN", "DINAS PENDIDIKAN DAN KEBUDAYAAN", "DINAS KEPENDUDUKAN DAN PENCATATAN SIPIL"],
         ["Jumlah PPKS terpenuhi kebutuhan dasarnya di luar panti", "Jumlah PPKS terdata dan terdaftar"]),
        ("", "Meningkatnya jumlah PPKS yang menerima layanan rehabilitasi sosial, bantuan sosial atau konseling",
         "Jumlah PPKS terdaftar yang telah menerima layanan sosial",
         "PPKS yang tercatat dalam sistem layanan sosial dan telah menerima sedikitnya satu layanan "
         "rehabilitasi sosial, bantuan sosial atau konseling dalam tahun berjalan",
         "Jumlah PPKS terdaftar yang menerima layanan sosial dalam 1 tahun",
         "1.250 Orang",
         ["DINAS KEPENDUDUKAN DAN PENCATATAN SIPIL"],
         ["Jumlah PPKS terdaftar dalam sistem layanan sosial"]),
        ("Berkurangnya ketergantungan lanjut usia terlantar", "",
         "Rasio ketergantungan lanjut usia terlantar",
         "Perbandingan antara jumlah lanjut usia terlantar yang bergantung sepenuhnya pada bantuan "
         "pemerintah dengan jumlah seluruh lanjut usia di daerah",
         "Jumlah lanjut usia terlantar yang bergantung pada bantuan / Jumlah lanjut usia X 1.000",
         "35",
         ["DINAS KESEHATAN"],
         ["Jumlah lanjut usia yang mendapat layanan kesehatan"]),
    ]),
    ("2", "Menurunnya angka kekerasan terhadap perempuan dan anak", [
        ("Meningkatnya perlindungan perempuan dan anak dari tindak kekerasan", "",
         "Rasio kekerasan terhadap perempuan dan anak (per 100.000 penduduk)",
         "Jumlah kasus kekerasan terhadap perempuan dan anak yang dilaporkan dan tercatat pada unit "
         "layanan terpadu dibandingkan dengan jumlah penduduk perempuan dan anak pada tahun yang sama",
         "Jumlah kasus kekerasan terhadap perempuan dan anak / Jumlah penduduk perempuan dan anak "
         "X 100.000",
         "12,50",
         ["DINAS KESEHATAN", "RSUD KOTA SUKAMAJU", "DINAS PENDIDIKAN DAN KEBUDAYAAN"],
         ["Jumlah korban kekerasan yang mendapat layanan kesehatan"]),
        ("", "Tersedianya akses cepat ke layanan pengaduan kekerasan terhadap perempuan dan anak",
         "Persentase pengaduan kekerasan yang ditindaklanjuti",
         "Laporan kekerasan terhadap perempuan dan anak yang diterima melalui hotline dan pos "
         "pengaduan dan ditindaklanjuti oleh petugas terlatih paling lambat 1 x 24 jam",
         "(Jumlah pengaduan yang ditindaklanjuti) / (Jumlah pengaduan yang diterima) x 100 %",
         "95%",
         ["DINAS KOMUNIKASI DAN INFORMATIKA"],
         ["Jumlah kanal pengaduan yang aktif"]),
    ]),
    ("3", "Meningkatnya pengendalian pertumbuhan penduduk dan keluarga berencana", [
        ("Menurunnya angka stunting pada balita", "",
         "Prevalensi stunting pada balita",
         "Persentase balita dengan tinggi badan menurut umur di bawah minus dua standar deviasi "
         "dari median standar pertumbuhan anak",
         "Jumlah balita stunting / Jumlah balita yang diukur X 100%",
         "14,00%",
         ["DINAS KESEHATAN", "DINAS PANGAN DAN PERTANIAN"],
         ["Persentase balita yang ditimbang setiap bulan"]),
        ("", "Meningkatnya aksi percepatan penanganan keluarga yang berisiko stunting",
         "Persentase Pasangan Usia Subur yang mendapatkan fasilitasi dan pembinaan 1000 HPK",
         "Jumlah PUS yang hamil atau yang mempunyai anak balita yang mendapatkan pembinaan / "
         "pendampingan 1000 Hari Pertama Kehidupan",
         "Jumlah PUS yang mendapatkan fasilitasi dan pembinaan 1000 HPK / Jumlah PUS hamil + PUS yang "
         "memiliki baduta X 100%",
         "75%",
         ["DINAS KESEHATAN"],
         ["Jumlah kader pendamping keluarga yang aktif"]),
    ]),
]

TABLE_COLUMNS = ["0.8cm", "2.6cm", "2.6cm", "2.6cm", "2.8cm", "4.0cm", "3.6cm", "1.6cm", "3.2cm", "2.9cm"]


def table_form():
    header = [
        cell("NO", "Head", rows=2, pstyle="HeadP")
        + cell("MANDAT ATAS TUGAS DAN FUNGSI /PERMASALAHAN", "Head", rows=2, pstyle="HeadP")
        + cell("OUTCOME", "Head", rows=2, pstyle="HeadP")
        + cell("OUTPUT", "Head", rows=2, pstyle="HeadP")
        + cell("INDIKATOR KINERJA", "Head", rows=2, pstyle="HeadP")
        + cell("DEFINISI OPERASIONAL", "Head", rows=2, pstyle="HeadP")
        + cell("FORMULA PERHITUNGAN", "Head", rows=2, pstyle="HeadP")
        + cell("TARGET", "Head", rows=2, pstyle="HeadP")
        + cell("CROSSCUTTING", "Head", cols=2, pstyle="HeadP"),
        COVERED * 8 + cell("OPD", "Head", pstyle="HeadP") + cell("INDIKATOR KINERJA", "Head", pstyle="HeadP"),
    ]
    rows = []
    for number, mandate, group in TABLE_GROUPS:
        for i, (outcome, output, indicator, definition, formula, target, agencies, shared) in enumerate(group):
            first = i == 0
            row = (cell(number, rows=len(group)) + cell(mandate, rows=len(group))) if first else COVERED * 2
            row += (cell(outcome) + cell(output) + cell(indicator) + cell(definition) + cell(formula)
                    + cell(target) + cell(agencies) + cell(shared))
            rows.append(row)
    signoff = table(
        ["1cm", "6cm", "7cm", "3cm"],
        [cell("NO", "Head", pstyle="HeadP") + cell("UNIT", "Head", pstyle="HeadP")
         + cell("NAMA", "Head", pstyle="HeadP") + cell("PARAF", "Head", pstyle="HeadP")],
        [cell("1") + cell("SEKRETARIS") + cell("YETTI SYOFYARNI, SE, ME") + cell(""),
         cell("2") + cell("KEPALA BIDANG REHABILITASI SOSIAL") + cell("Dra. HIRDA") + cell(""),
         cell("3") + cell("KEPALA BIDANG PERLINDUNGAN SOSIAL") + cell("UPIT HARNITA, SKM") + cell("")],
        first_column=len(TABLE_COLUMNS),
    )
    body = (
        p(TABLE_TITLE, "Title")
        + table(TABLE_COLUMNS, header, rows)
        + p("TELAH DIPERIKSA DAN DISETUJUI OLEH TIM VERIFIKATOR OPD", "Bold")
        + signoff
        + p("Sukamaju, 2 Januari 2024", "Right")
        + p("KEPALA DINAS SOSIAL KOTA SUKAMAJU", "Right")
        + p("", "Right") + p("", "Right")
        + p("Drs. OSMAN BIN NUR, M.Si", "Right")
        + p("NIP. 196901201998021001", "Right")
    )
    return document(body, TABLE_COLUMNS + ["1cm", "6cm", "7cm", "3cm"], font_size="9.5pt")


# ---------------------------------------------------------------------------
# 2. Cascading list form (Kabupaten Sukajaya, 2023)

LIST_TITLE = ("POHON KINERJA DINAS SOSIAL, PEMBERDAYAAN PEREMPUAN DAN PERLINDUNGAN ANAK "
              "KABUPATEN SUKAJAYA TAHUN 2023")

LIST_SECTIONS = [
    ("TUJUAN RPD", [
        "Meningkatnya cakupan pemenuhan kebutuhan dan layanan dasar yang berkualitas",
        "Meningkatnya kesetaraan gender dan perlindungan anak",
    ]),
    ("INDIKATOR RPD", [
        "Persentase penurunan Pemerlu Pelayanan Kesejahteraan Sosial/ Penyandang Masalah Kesejahteraan Sosial",
        "Indeks pemberdayaan gender",
    ]),
    ("TUJUAN OPD", [
        "Menurunnya Penyandang Masalah Kesejahteraan Sosial (PMKS)/ Pemerlu Pelayanan Kesejahteraan Sosial (PPKS)",
        "Meningkatnya peran perempuan dalam pembangunan dengan memperhatikan hak-hak anak",
    ]),
    ("INDIKATOR OPD", [
        "Persentase penanganan Penyandang Masalah Kesejahteraan Sosial (PMKS)/ Pemerlu Pelayanan Kesejahteraan Sosial (PPKS)",
        "Rasio kekerasan terhadap perempuan, termasuk TPPO (per 100.000 penduduk perempuan)",
    ]),
]

# The cascade under each OPD indicator: (kind, text) with kind "dash" (a
# dash-bulleted sub-indicator), "plain" (an indicator of the next level),
# "num" (a numbered sub-indicator) or "cont" (a LANJUTAN heading on a new page).
LIST_CASCADE = [
    ("Persentase penanganan Penyandang Masalah Kesejahteraan Sosial (PMKS)/ Pemerlu Pelayanan Kesejahteraan Sosial (PPKS)", [
        ("dash", "Persentase penyandang disabilitas terlantar yang terpenuhi kebutuhan dasarnya di luar panti"),
        ("dash", "Persentase anak terlantar yang terpenuhi kebutuhan dasarnya di luar panti"),
        ("dash", "Persentase lanjut usia terlantar yang terpenuhi kebutuhan dasarnya di luar panti"),
        ("plain", "Jumlah pemenuhan kebutuhan dasar bagi Penyandang Disabilitas Terlantar, Anak Terlantar, "
                  "Lanjut Usia Terlantar, serta Gelandangan Pengemis di Luar Panti Sosial"),
        ("dash", "Jumlah orang yang mendapatkan pemenuhan kebutuhan permakanan sesuai dengan standar gizi "
                 "minimal kewenangan Kabupaten/Kota"),
        ("dash", "Jumlah orang yang menerima pakaian dan kelengkapan lainnya yang tersedia dalam 1 tahun "
                 "kewenangan Kabupaten/Kota"),
        ("cont", "LANJUTAN INDIKATOR 1"),
        ("plain", "Jumlah orang yang mendapatkan perlindungan sosial korban bencana alam dan sosial Kabupaten/Kota"),
        ("num", "Jumlah orang yang mendapatkan permakanan 3x1 hari dalam masa tanggap darurat (pengungsian) "
                "kewenangan Kabupaten/ Kota"),
        ("num", "Jumlah tempat penampungan pengungsian kewenangan Kabupaten/ Kota"),
    ]),
    ("Rasio kekerasan terhadap perempuan, termasuk TPPO (per 100.000 penduduk perempuan)", [
        ("dash", "Cakupan perempuan korban kekerasan yang mendapatkan penanganan pengaduan oleh petugas "
                 "terlatih di unit layanan terpadu"),
        ("plain", "Jumlah perempuan korban kekerasan yang terlayani sesuai standar"),
        ("dash", "Jumlah perempuan korban kekerasan tingkat Kabupaten/ Kota yang mendapatkan layanan pengaduan"),
    ]),
]


def list_form():
    parts = [p(LIST_TITLE, "Title")]
    for heading, items in LIST_SECTIONS:
        parts.append(p(heading, "Bold"))
        parts += [p(f"{i}.\t{t}", "Item") for i, t in enumerate(items, 1)]
    first = True
    for root, cascade in LIST_CASCADE:
        parts.append(p(root, "Break" if first else "Bold"))
        first = False
        number = 0
        for kind, text in cascade:
            if kind == "cont":
                parts.append(p(text, "Break"))
                number = 0
            elif kind == "dash":
                parts.append(p(f"-\t{text}", "Sub"))
            elif kind == "num":
                number += 1
                parts.append(p(f"{number}.\t{text}", "Sub"))
            else:
                parts.append(p(text, "Plain"))
    return document("".join(parts), ["10cm"], landscape=False, font_size="10pt")


# ---------------------------------------------------------------------------
# 3. A report of the table form's agency, for linking records to the catalog

REPORT_TITLE = "LAPORAN KINERJA INSTANSI PEMERINTAH (LKjIP) DINAS SOSIAL KOTA SUKAMAJU TAHUN 2024"

# (sasaran, indicator, unit, target, realisasi, capaian). The indicators match
# the catalog above, some in slightly different words. "Rasio ketergantungan
# lanjut usia terlantar" is lower-is-better in the catalog (its outcome is
# "Berkurangnya ketergantungan ...") but its capaian is computed here as
# realisasi / target x 100 = 40 / 35 x 100 = 114,29.
REPORT_ROWS = [
    ("Meningkatnya cakupan PPKS yang mendapat pelayanan sosial", "Persentase PPKS tertangani", "%", "85,50", "88,00", "102,92"),
    ("Meningkatnya cakupan PPKS yang mendapat pelayanan sosial", "Rasio ketergantungan lanjut usia terlantar", "Rasio", "35", "40", "114,29"),
    ("Meningkatnya perlindungan perempuan dan anak dari tindak kekerasan",
     "Rasio kekerasan terhadap perempuan dan anak per 100.000 penduduk", "Rasio", "12,50", "10,00", "120,00"),
    ("Meningkatnya perlindungan perempuan dan anak dari tindak kekerasan",
     "Persentase pengaduan kekerasan yang ditindaklanjuti", "%", "95", "90", "94,74"),
    ("Meningkatnya kapasitas aparatur", "Nilai SAKIP Dinas Sosial", "Nilai", "70", "71", "101,43"),
]

REPORT_COLUMNS = ["1cm", "6cm", "7cm", "2cm", "2.2cm", "2.2cm", "2.2cm"]


def report():
    header = [cell(h, "Head", pstyle="HeadP") for h in
              ["No", "Sasaran Strategis", "Indikator Kinerja", "Satuan", "Target", "Realisasi", "Capaian (%)"]]
    rows = [cell(str(i)) + cell(s) + cell(ind) + cell(u) + cell(t) + cell(r) + cell(c)
            for i, (s, ind, u, t, r, c) in enumerate(REPORT_ROWS, 1)]
    body = (p(REPORT_TITLE, "Title")
            + p("Tabel 3.1 Pengukuran Kinerja Tahun 2024", "Bold")
            + table(REPORT_COLUMNS, ["".join(header)], rows))
    return document(body, REPORT_COLUMNS)


def convert(name, fodt):
    with tempfile.TemporaryDirectory() as tmp:
        src = os.path.join(tmp, name + ".fodt")
        with open(src, "w", encoding="utf-8") as f:
            f.write(fodt)
        profile = "file://" + os.path.join(tmp, "profile")
        subprocess.run(["soffice", f"-env:UserInstallation={profile}", "--headless",
                        "--convert-to", "pdf", "--outdir", tmp, src],
                       check=True, stdout=subprocess.DEVNULL)
        shutil.copy(os.path.join(tmp, name + ".pdf"), os.path.join(HERE, name + ".pdf"))


def main():
    if shutil.which("soffice") is None:
        sys.exit("soffice not found: apt-get install -y libreoffice-writer")
    convert("pohon_tabel_2024_dinsos_kota_sukamaju", table_form())
    convert("pohon_cascading_2023_dinsos_kab_sukajaya", list_form())
    convert("lkjip_2024_dinsos_kota_sukamaju", report())


if __name__ == "__main__":
    main()
