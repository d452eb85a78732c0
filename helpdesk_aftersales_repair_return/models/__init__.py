from . import helpdesk_ticket, repair_order
