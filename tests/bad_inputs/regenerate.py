"""Write the bad-input fixtures and their .expected files by running the real CLI once.

After running it, READ every changed .expected line (git diff): each must tell a
non-programmer what is wrong and how to fix it. Run: python tests/bad_inputs/regenerate.py
"""
import contextlib
import io
import sys
from pathlib import Path

from PIL import Image

ROOT = Path(__file__).resolve().parents[2]
D = ROOT / "tests" / "bad_inputs"
A = D / "assets"
A.mkdir(parents=True, exist_ok=True)

COMP = """compliance:
  veeva_id: GB-68353
  date_of_preparation: July 2025
"""
HEAD = "title: Promoting innovation across the cluster\n"

def ok(extra=""):
    return HEAD + extra + COMP

# ---- assets -------------------------------------------------------------
(A / "garbage.jpg").write_bytes(b"\x00\x13\x37 this is not a photo \xff\xfe" * 3)
(A / "truncated.jpg").write_bytes((ROOT / "assets/images/hero-standin.jpg").read_bytes()[:2048])
(A / "not-an-image.png").write_text("Meeting notes, 3 July\n- order photos\n", encoding="utf-8")
(A / "broken-icon.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24">'
                                   '<path d="M 2 2 L 20 20"', encoding="utf-8")
Image.new("RGB", (300, 150), (40, 90, 160)).save(A / "low-res.jpg", "JPEG", quality=85)

label400 = " ".join(["research"] * 400)
stat9 = "".join(f'  - value: "{i}"\n    label: item {i}\n' for i in range(1, 10))

F = {
 "01-misspelt-top-key": HEAD + "taglne: Cambridge is Europe's leading life sciences cluster\n" + COMP,
 "02-misspelt-stat-key": ok('stats:\n  - value: "2"\n    lable: universities\n'),
 "03-misspelt-hero-key": ok("hero:\n  image: assets/low-res.jpg\n  alt_text: Aerial view of the campus\n"),
 "04-misspelt-compliance-key": HEAD + "compliance:\n  veeva_idd: GB-68353\n  date_of_preparation: July 2025\n",
 "05-misspelt-quote-key": ok("quote:\n  text: We share a vision.\n  nmae: Diarmuid O'Brien\n"),
 "06-missing-title": "tagline: Cambridge is Europe's leading life sciences cluster\n" + COMP,
 "07-missing-compliance": HEAD,
 "08-missing-veeva-id": HEAD + "compliance:\n  date_of_preparation: July 2025\n",
 "09-empty-title": 'title: ""\n' + COMP,
 "10-title-left-blank": "title:\n" + COMP,
 "11-title-as-list": "title:\n  - Promoting innovation\n  - across the cluster\n" + COMP,
 "12-stats-not-a-list": ok('stats:\n  value: "2"\n  label: universities\n'),
 "13-stat-value-too-long": ok('stats:\n  - value: "more than 600 companies"\n    label: life sciences companies\n'),
 "14-too-many-stats": ok("stats:\n" + stat9),
 "15-unknown-icon": ok('stats:\n  - value: "3"\n    label: hospitals\n    icon: hospitl\n'),
 "16-hero-file-missing": ok("hero:\n  image: assets/hero-final.jpg\n  alt: Aerial view\n"),
 "17-hero-is-a-folder": ok("hero:\n  image: assets\n  alt: Aerial view\n"),
 "18-hero-outside-folder": ok("hero:\n  image: ../../etc/passwd\n  alt: Aerial view\n"),
 "19-corrupt-image": ok("hero:\n  image: assets/garbage.jpg\n  alt: Aerial view\n"),
 "20-truncated-jpeg": ok("hero:\n  image: assets/truncated.jpg\n  alt: Aerial view\n"),
 "21-text-file-named-png": ok("hero:\n  image: assets/not-an-image.png\n  alt: Aerial view\n"),
 "22-broken-svg-icon": ok('stats:\n  - value: "3"\n    label: hospitals\n    icon: assets/broken-icon.svg\n'),
 "23-bad-url": ok("links:\n  - label: Partnership homepage\n    url: www.cam.ac.uk/partnership\n"),
 "24-language-not-a-tag": HEAD + "language: English\n" + COMP,
 "25-status-typo": HEAD + "compliance:\n  veeva_id: GB-68353\n  date_of_preparation: July 2025\n  status: aproved\n",
 "26-material-type-typo": HEAD + "compliance:\n  veeva_id: GB-68353\n  date_of_preparation: July 2025\n  material_type: promotinal\n",
 "27-crop-marks-maybe": ok("print:\n  crop_marks: maybe\n"),
 "28-bleed-out-of-range": ok("print:\n  bleed_mm: 25\n"),
 "29-duplicate-key": HEAD + "tagline: First version\ntagline: Second version\n" + COMP,
 "30-tab-indentation": HEAD + "compliance:\n\tveeva_id: GB-68353\n\tdate_of_preparation: July 2025\n",
 "31-unclosed-quote": HEAD + 'tagline: "Cambridge is Europe\'s leading cluster\n' + COMP,
 "32-unclosed-bracket": HEAD + "intro: [First paragraph, second paragraph\n" + COMP,
 "33-colon-in-value": HEAD + "tagline: Cambridge: Europe's leading cluster\n" + COMP,
 "34-file-is-a-list": "- title: Promoting innovation\n- veeva_id: GB-68353\n",
 "35-empty-file": "",
 "36-glyph-missing": ok('stats:\n  - value: "2"\n    label: universities 大学\n  - value: "3"\n    label: hospitals 🏥\n'),
 "37-very-long-word": ok("intro:\n  - The sequence " + "ACGT" * 30 + " repeats across the genome.\n"),
 "38-stat-label-400-words": ok('stats:\n  - value: "2"\n    label: ' + label400 + "\n"),
 "39-low-resolution-hero": ok("hero:\n  image: assets/low-res.jpg\n  alt: A blue rectangle\n"),
 "41-three-mistakes": "titel: Promoting innovation across the cluster\nlanguage: english\n"
                      "compliance:\n  veeva_id: GB-68353\n  date_of_preparation: July 2025\n"
                      "  status: aproved\n",
 "42-control-character": HEAD + "tagline: Cambridge\x07 cluster\n" + COMP,
 "57-title-only-spaces": 'title: "   "\n' + COMP,
 "58-recursive-alias": HEAD + "stats: &x [*x]\n" + COMP,
 "59-bad-tag": "title: !!int nope\n" + COMP,
 "60-quote-closed-lines-later": HEAD + 'tagline: "Europe\'s leading cluster\n'
                                + 'intro: ["A first paragraph", "A second one"]\n' + COMP,
 "62-long-printed-address": HEAD + "intro:\n  - See [the council](https://www.innovatecambridge"
                             + ".com/our-advisory-council-and-its-members-from-2025-to-2030-"
                             + "and-beyond).\n" + COMP,
 "61-colon-after-a-quotation": HEAD + "quote:\n  text: Both partners share a vision,\n"
                                + '    "what Cambridge can achieve\n'
                                + '    together": working across the cluster.\n' + COMP,
 "43-title-yes": "title: yes\n" + COMP,
 "44-hero-just-a-path": ok("hero: assets/low-res.jpg\n"),
 "45-link-as-plain-address": ok("links:\n  - https://www.cam.ac.uk/partnership\n"),
 "46-bleed-with-unit": ok("print:\n  bleed_mm: 3mm\n"),
 "47-tagline-starts-with-at": HEAD + "tagline: @AstraZeneca and Cambridge\n" + COMP,
 "48-stat-label-missing": ok('stats:\n  - value: "2"\n'),
 "49-title-too-long": "title: " + " ".join(["Promoting innovation across the cluster"] * 8) + "\n" + COMP,
 "50-reference-wrong-format": HEAD + "compliance:\n  veeva_id: GB68353\n  date_of_preparation: July 2025\n",
 "55-hero-image-blank": ok('hero:\n  image: " "\n  alt: Aerial view\n'),
 "56-veeva-id-blank": HEAD + 'compliance:\n  veeva_id: "  "\n  date_of_preparation: July 2025\n',
 "52-date-not-a-month": HEAD + "compliance:\n  veeva_id: GB-68353\n  date_of_preparation: Summer 2025\n",
 "53-approved-but-expired": HEAD + "compliance:\n  veeva_id: GB-68353\n  date_of_preparation: July 2019\n  expiry_date: January 2020\n  status: approved\n",
 "54-promotional-without-pi": HEAD + "compliance:\n  veeva_id: GB-68353\n  date_of_preparation: July 2025\n  material_type: promotional\n",
 "51-intro-indented-wrongly": HEAD + "intro:\n  - First paragraph\n   second: paragraph\n" + COMP,
}

for old in ("42-date-unquoted.yaml", "42-date-unquoted.expected"):
    (D / old).unlink(missing_ok=True)
for old in ("50-footer-too-long.yaml", "50-footer-too-long.expected"):
    (D / old).unlink(missing_ok=True)
for name, text in F.items():
    (D / f"{name}.yaml").write_text(text, encoding="utf-8")
(D / "40-not-utf8.yaml").write_bytes(
    (HEAD + "tagline: Caf\xe9 science in Cambridge\n" + COMP).encode("latin-1"))

sys.path.insert(0, str(ROOT))
from brochure.cli import main

for fx in sorted(D.glob("*.yaml")):
    err = io.StringIO()
    out = io.StringIO()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(out):
        rc = main([str(fx), "-o", str(D / "never-written.pdf")])
    lines = [l for l in err.getvalue().splitlines() if l.strip() and "to fix; no PDF" not in l]
    lines = [l.replace(str(fx), "{file}").replace(str(D), "{dir}") for l in lines]
    fx.with_suffix(".expected").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"== {fx.name} rc={rc}")
    for l in lines:
        print("   " + l)
    if out.getvalue().strip():
        print("   STDOUT:", out.getvalue().strip())
