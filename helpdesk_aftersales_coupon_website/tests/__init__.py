from . import test_share_link, test_portal
