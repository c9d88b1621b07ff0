"""The frozen client's program (packaging/watchroom.spec): `watchroom`, or the
bounded import child when services/imports/bounded.py starts it (a frozen
build has no `python -c` to run it with)."""

import sys

from services.imports.bounded import FROZEN_CHILD_ARG

if __name__ == "__main__":
    if sys.argv[1:] == [FROZEN_CHILD_ARG]:
        from services.imports.child import main as child_main

        child_main()
        sys.exit(0)
    from app.main import main

    sys.exit(main())
