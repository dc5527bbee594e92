import sys

from counter_app.app import main

sys.exit(main())
