"""The frozen platform's program (packaging/watchroom-server.spec): `watchroom-server`."""

import sys

if __name__ == "__main__":
    from server.main import main

    sys.exit(main())
