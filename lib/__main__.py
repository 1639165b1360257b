import sys

if len(sys.argv) > 1 and sys.argv[1] == "serve":
    # Streamlit's own options (--server.port=…) follow: not parsed by the CLI's argparse.
    from lib.serve import main as serve

    sys.exit(serve(sys.argv[2:]))

from lib.cli import main

sys.exit(main())
