from . import test_share_link
