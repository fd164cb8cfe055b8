from config.formats.en_GB.formats import *  # noqa: F403  (the same ISO formats whichever English is asked for)
