from . import test_mail_gateway, test_portal
