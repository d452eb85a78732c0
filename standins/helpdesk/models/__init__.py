from . import helpdesk_stage
from . import helpdesk_team
from . import helpdesk_ticket
