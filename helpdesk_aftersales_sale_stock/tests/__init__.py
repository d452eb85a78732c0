from . import test_ticket_lot, test_warranty
