from . import helpdesk_team
from . import helpdesk_ticket
from . import project_task
