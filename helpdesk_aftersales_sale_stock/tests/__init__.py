from . import test_boundaries, test_ticket_lot, test_tour, test_warranty
