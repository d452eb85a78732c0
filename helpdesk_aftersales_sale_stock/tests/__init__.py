from . import test_boundaries, test_ticket_lot, test_warranty
