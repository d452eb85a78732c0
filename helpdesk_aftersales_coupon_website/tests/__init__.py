from . import test_portal, test_share_link
