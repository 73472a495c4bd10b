import sys

from nghiquyet.cli import main

sys.exit(main())
