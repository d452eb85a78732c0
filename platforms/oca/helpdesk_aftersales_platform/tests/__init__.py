from . import test_personal_tickets, test_portal_close
