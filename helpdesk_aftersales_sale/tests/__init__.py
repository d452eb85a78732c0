from . import test_boundaries, test_ticket_sale
