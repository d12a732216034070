from briefs.cli import main

raise SystemExit(main())
