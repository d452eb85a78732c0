from . import helpdesk_ticket
from . import product_template
