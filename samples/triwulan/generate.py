#!/usr/bin/env python3
"""Writes the quarterly sample reports the project ships: one
"Pengukuran Kinerja dan Anggaran" table per Triwulan (quarter) of an
invented agency, as HTML converted to PDF by LibreOffice (ruled cells, a
header repeated on every page, wrapped cells), with a few figures wrong on
purpose so that `kinerja run samples` has findings to show.

Usage: python3 samples/triwulan/generate.py   (needs soffice on PATH)
"""
import os, subprocess, tempfile

HERE = os.path.dirname(os.path.abspath(__file__))

# (level, name, indicator, satuan, target, pagu, realisasi per quarter, realisasi Rp per quarter)
ROWS = [
    ("program", "PROGRAM PERLINDUNGAN DAN JAMINAN SOSIAL", "Persentase PPKS yang memperoleh bantuan sosial", "%", 80, 650_000_000,
     [20, 41, 60, 79], [150_000_000, 310_000_000, 470_000_000, 640_000_000]),
    ("kegiatan", "Pengelolaan Data Fakir Miskin Cakupan Daerah Kabupaten/Kota", "Jumlah dokumen data fakir miskin yang diverifikasi dan divalidasi", "Dokumen", 4, 250_000_000,
     [1, 2, 3, 4], [60_000_000, 120_000_000, 180_000_000, 245_000_000]),
    ("sub", "Pendataan Fakir Miskin Cakupan Daerah Kabupaten/Kota", "Jumlah rumah tangga miskin yang didata", "Rumah Tangga", 12000, 250_000_000,
     [3000, 6100, 9000, 11800], [60_000_000, 120_000_000, 180_000_000, 245_000_000]),
    ("kegiatan", "Penyelenggaraan Pemberdayaan Masyarakat terhadap Kesejahteraan Sosial", "Jumlah keluarga penerima manfaat yang diberdayakan", "Keluarga", 400, 400_000_000,
     [90, 210, 300, 395], [90_000_000, 190_000_000, 290_000_000, 395_000_000]),
    ("sub", "Pemberdayaan Sosial Keluarga Fakir Miskin", "Jumlah keluarga fakir miskin yang menerima bantuan usaha ekonomi produktif", "Keluarga", 400, 400_000_000,
     [90, 210, 300, 395], [90_000_000, 190_000_000, 290_000_000, 395_000_000]),
    ("program", "PROGRAM PENANGANAN BENCANA", "Persentase korban bencana yang menerima bantuan sosial", "%", 100, 120_000_000,
     [25, 50, 70, 100], [30_000_000, 55_000_000, 85_000_000, 118_000_000]),
    ("kegiatan", "Perlindungan Sosial Korban Bencana Alam dan Sosial Kabupaten/Kota", "Persentase penurunan jumlah warga terdampak bencana yang belum tertangani", "%", 10, 120_000_000,
     [2, 5, 7, 12], [30_000_000, 55_000_000, 85_000_000, 118_000_000]),
]

def idr(x):
    return f"{x:,.0f}".replace(",", ".")

def pct(x):
    return f"{x:.2f}".replace(".", ",")

def table(quarter):
    q = quarter - 1
    head = """<thead><tr><th rowspan=2>No</th><th rowspan=2>Program/ Kegiatan/ Sub Kegiatan</th>
<th rowspan=2>Indikator Kinerja</th><th rowspan=2>Satuan</th><th colspan=2>Target</th>
<th colspan=2>Realisasi</th><th colspan=2>Capaian (%)</th></tr>
<tr><th>Kinerja</th><th>Pagu (Rp)</th><th>Kinerja</th><th>Anggaran (Rp)</th><th>Kinerja</th><th>Anggaran</th></tr></thead>"""
    body = []
    for i, (level, name, indicator, unit, target, pagu, real, real_rp) in enumerate(ROWS):
        capaian = real[q] / target * 100
        if "penurunan" in indicator:
            # lower is better: printed as realisasi/target anyway (a real-world error)
            capaian = real[q] / target * 100
        if quarter == 3 and i == 1:
            capaian = 80.0  # miscomputed: 3/4 = 75
        cap_rp = real_rp[q] / pagu * 100
        style = ' style="font-weight:bold"' if level == "program" else (' style="font-style:italic"' if level == "kegiatan" else "")
        body.append(f"<tr{style}><td>{i + 1}</td><td>{name}</td><td>{indicator}</td><td>{unit}</td>"
                    f"<td align=right>{idr(target)}</td><td align=right>{idr(pagu)}</td>"
                    f"<td align=right>{idr(real[q])}</td><td align=right>{idr(real_rp[q])}</td>"
                    f"<td align=right>{pct(capaian)}</td><td align=right>{pct(cap_rp)}</td></tr>")
    return f"<table border=1 cellspacing=0 cellpadding=3 width=100%>{head}<tbody>{''.join(body)}</tbody></table>"

def main():
    for quarter, roman in [(1, "I"), (2, "II"), (3, "III")]:
        html = f"""<html><head><meta charset="utf-8"><style>
body {{ font-family: 'Liberation Sans', sans-serif; font-size: 9pt; }}
th {{ background: #ddd; }}
</style></head><body>
<p align=center><b>PENGUKURAN KINERJA DAN ANGGARAN TAHUN 2025<br>DINAS SOSIAL KABUPATEN SUKAMAJU<br>TRIWULAN {roman}</b></p>
{table(quarter)}
</body></html>"""
        with tempfile.TemporaryDirectory() as tmp:
            name = f"tw{quarter}_pengukuran_kinerja_2025_dinsos_kab_sukamaju"
            src = os.path.join(tmp, name + ".html")
            with open(src, "w", encoding="utf-8") as f:
                f.write(html)
            subprocess.run(["soffice", "--headless", "--infilter=HTML (StarWriter)", "--convert-to", "pdf:writer_pdf_Export",
                            "--outdir", HERE, src], check=True, capture_output=True)

if __name__ == "__main__":
    main()
