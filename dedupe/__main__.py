from dedupe.cli import app

app(prog_name="dedupe")
