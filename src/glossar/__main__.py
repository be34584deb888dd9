"""``python -m glossar`` runs the CLI."""

from glossar.cli import main

if __name__ == "__main__":
    main()
