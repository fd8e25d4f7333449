from nlp_integration.cli import run

run()
