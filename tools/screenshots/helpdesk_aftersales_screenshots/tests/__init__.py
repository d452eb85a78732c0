from . import test_screenshots
