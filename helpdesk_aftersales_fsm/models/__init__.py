from . import helpdesk_team, helpdesk_ticket, project_task
