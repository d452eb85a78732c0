from . import helpdesk_ticket
from . import repair_order
