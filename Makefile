.PHONY: install test demo lint
install:
	./scripts/setup.sh
test:
	.venv/bin/python -m pytest -q
demo:
	.venv/bin/nlp-integration demo --out runs/demo
lint:
	.venv/bin/ruff check nlp_integration tests scripts
