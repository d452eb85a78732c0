"""The names the suite's Python needs of the helpdesk it runs on, read where a
model name is written in a class (a Many2one, an ``_inherit``):
``from odoo.addons.helpdesk_aftersales_platform.platform import TEAM_MODEL``.
This folder answers for OCA's helpdesk_mgmt."""

TEAM_MODEL = "helpdesk.ticket.team"

# For the suite's tests, written once and run on either helpdesk: the
# helpdesk's own groups (an agent, an administrator), stages and ticket action.
USER_GROUP = "helpdesk_mgmt.group_helpdesk_user"
MANAGER_GROUP = "helpdesk_mgmt.group_helpdesk_manager"
STAGES = {
    "new": "helpdesk_mgmt.helpdesk_ticket_stage_new",
    "in_progress": "helpdesk_mgmt.helpdesk_ticket_stage_in_progress",
    "solved": "helpdesk_mgmt.helpdesk_ticket_stage_done",
}
TICKET_ACTION = "helpdesk_mgmt.helpdesk_ticket_action"
# Values a ticket needs beyond the suite's (helpdesk_mgmt requires a description).
TICKET_REQUIRED_VALUES = {"description": "<p>The customer's request.</p>"}
# Queries of one read of the ticket list (its columns are the helpdesk's).
TICKET_LIST_QUERIES = 8
MENU_ROOT = "helpdesk_mgmt.helpdesk_ticket_main_menu"
MENU_CONFIG = "helpdesk_mgmt.helpdesk_ticket_config_main_menu"


def add_team_stages(team, stages):
    """Make ``stages`` stages of ``team`` (a stage without teams is every team's)."""
    for stage in stages.filtered("team_ids"):
        stage.team_ids |= team
