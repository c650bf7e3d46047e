"""Text: inline Markdown to ReportLab paragraph markup, typography, paragraph styles."""
