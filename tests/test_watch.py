"""Watch mode: an edit rebuilds; broken content reports an error and keeps the last good PDF."""

import queue
import threading
from contextlib import contextmanager

import pikepdf

from brochure.build import BuildOptions
from brochure.content.validate import load_located
from brochure.resources import named_files_of_raw
from brochure.watch import watch
from tests.conftest import ROOT
from tests.pdfread import normalise, page_texts

TIMEOUT = 30  # seconds: a hang fails the test instead of blocking the run


def next_event(events: queue.Queue, kinds: set[str]):
    """The next event of one of these kinds (others, e.g. "changed", are skipped)."""
    while True:
        kind, payload = events.get(timeout=TIMEOUT)
        if kind in kinds:
            return kind, payload


@contextmanager
def watching(content, options: BuildOptions, also=lambda kind, payload: None):
    """Run watch() in a thread for the with-block; yields its queue of (kind, payload).
    `also(kind, payload)` runs in the watch thread as each event is reported."""
    events: queue.Queue = queue.Queue()
    stop = threading.Event()

    def on_event(kind, payload):
        also(kind, payload)
        events.put((kind, payload))
    thread = threading.Thread(target=watch, daemon=True, kwargs=dict(
        content_path=content, options=options, on_event=on_event, stop=stop, interval=0.05))
    thread.start()
    try:
        yield events
    finally:
        stop.set()
        thread.join(timeout=TIMEOUT)
    assert not thread.is_alive()


def test_watch_rebuilds_on_edit_and_keeps_the_last_good_pdf(project):
    content = project / "content.yaml"
    pdf = project / "build" / "brochure.pdf"
    with watching(content, BuildOptions(output=pdf, editions=("print",))) as events:
        assert next_event(events, {"built", "error", "crashed"})[0] == "built"
        first = pdf.read_bytes()

        content.write_text(content.read_text().replace(
            "title: Promoting innovation across the cluster", "title: Watched and rebuilt"))
        kind, result = next_event(events, {"built", "error", "crashed"})
        assert kind == "built" and result.path == pdf
        assert pdf.read_bytes() != first
        assert "Watchedandrebuilt" in normalise(page_texts(pdf)[0])
        good = pdf.read_bytes()

        content.write_text("title: [unclosed\n")
        kind, issues = next_event(events, {"built", "error", "crashed"})
        assert kind == "error" and issues[0].file == str(content)
        assert pdf.read_bytes() == good



def test_watch_rebuilds_when_a_theme_font_file_changes(project, tmp_path):
    """A theme's TTF is an asset too: replacing it rebuilds with the new font."""
    fonts = ROOT / "assets" / "fonts"
    theme_dir = tmp_path / "theme"
    theme_dir.mkdir()
    for name in ("Lato-Regular", "Lato-Italic", "Lato-Bold", "Lato-BoldItalic"):
        (theme_dir / f"{name}.ttf").write_bytes((fonts / f"{name}.ttf").read_bytes())
    theme = theme_dir / "theme.yaml"
    theme.write_text("name: swap\nfonts:\n  family: Swap\n  regular: Lato-Regular.ttf\n"
                     "  italic: Lato-Italic.ttf\n  bold: Lato-Bold.ttf\n"
                     "  bold_italic: Lato-BoldItalic.ttf\n")
    pdf = project / "build" / "brochure.pdf"
    options = BuildOptions(output=pdf, editions=("print",), theme=theme)
    with watching(project / "content.yaml", options) as events:
        assert next_event(events, {"built", "error", "crashed"})[0] == "built"
        assert _base_fonts(pdf) >= {"Lato-Regular"}
        caladea = fonts / "caladea" / "Caladea-Regular.ttf"
        (theme_dir / "Lato-Regular.ttf").write_bytes(caladea.read_bytes())
        _, changed = next_event(events, {"changed"})
        assert theme_dir / "Lato-Regular.ttf" in changed
        assert next_event(events, {"built", "error", "crashed"})[0] == "built"
        assert "Caladea-Regular" in _base_fonts(pdf)



def _base_fonts(pdf) -> set[str]:
    with pikepdf.open(pdf) as doc:
        return {str(f.BaseFont).split("+")[-1] for page in doc.pages
                for _, f in page.Resources.Font.items()}


def test_watch_reports_a_broken_theme_logo_and_keeps_watching(project, tmp_path):
    (tmp_path / "logo.svg").write_text('<g xmlns="http://www.w3.org/2000/svg"/>')
    theme = tmp_path / "theme.yaml"
    theme.write_text("name: x\nlogo: {file: logo.svg}\n")
    options = BuildOptions(output=project / "build" / "b.pdf", editions=("print",), theme=theme)
    with watching(project / "content.yaml", options) as events:
        kind, issues = next_event(events, {"built", "error", "crashed"})
        assert kind == "error" and issues[0].field == "logo.file"
        (tmp_path / "logo.svg").write_text(
            '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 20 10">'
            '<rect width="20" height="10"/></svg>')
        assert next_event(events, {"built", "error", "crashed"})[0] == "built"



def test_watch_rebuilds_when_a_missing_photo_arrives(project):
    """The content names a photo that is not there yet: the error is shown, and copying
    the photo in rebuilds without touching the content."""
    content = project / "content.yaml"
    content.write_text(content.read_text().replace("assets/images/hero-standin.jpg",
                                                   "assets/images/new-photo.jpg"))
    pdf = project / "build" / "brochure.pdf"
    with watching(content, BuildOptions(output=pdf, editions=("print",))) as events:
        kind, issues = next_event(events, {"built", "error", "crashed"})
        assert kind == "error" and "new-photo.jpg" in issues[0].message
        photo = project / "assets" / "images"
        (photo / "new-photo.jpg").write_bytes((photo / "hero-standin.jpg").read_bytes())
        assert next_event(events, {"built", "error", "crashed"})[0] == "built"
        assert pdf.is_file()



def test_a_photo_added_the_moment_the_error_shows_is_not_missed(project):
    """The file is copied in while the error is being reported (before watch goes back to
    polling): watch must still see it arrive."""
    content = project / "content.yaml"
    content.write_text(content.read_text().replace("assets/images/hero-standin.jpg",
                                                   "assets/images/new-photo.jpg"))
    photos = project / "assets" / "images"

    def copy_photo_in(kind, _payload):
        if kind == "error" and not (photos / "new-photo.jpg").exists():
            (photos / "new-photo.jpg").write_bytes((photos / "hero-standin.jpg").read_bytes())
    options = BuildOptions(output=project / "build" / "brochure.pdf", editions=("print",))
    with watching(content, options, also=copy_photo_in) as events:
        assert next_event(events, {"built", "error", "crashed"})[0] == "error"
        assert next_event(events, {"built", "error", "crashed"})[0] == "built"


def test_a_failed_build_waits_for_the_printer_profile_it_names(project):
    """The profile is one of the files a failed build's content names (found or not)."""
    content = project / "content.yaml"
    content.write_text(content.read_text() + "print:\n  icc_profile: printer/press.icc\n")
    located = load_located(content)
    assert (project / "printer" / "press.icc").resolve() in named_files_of_raw(located)
