from nlp_integration.cli import main

main()
