from . import test_ticket_lot, test_tour, test_warranty
