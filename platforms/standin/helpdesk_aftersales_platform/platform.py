"""The names the suite's Python needs of the helpdesk it runs on, read where a
model name is written in a class (a Many2one, an ``_inherit``):
``from odoo.addons.helpdesk_aftersales_platform.platform import TEAM_MODEL``.
This folder answers for the helpdesk named "helpdesk" (the stand-in or Odoo
Enterprise's app)."""

TEAM_MODEL = "helpdesk.team"

# For the suite's tests, written once and run on either helpdesk: the
# helpdesk's own groups (an agent, an administrator), stages and ticket action.
USER_GROUP = "helpdesk.group_helpdesk_user"
MANAGER_GROUP = "helpdesk.group_helpdesk_manager"
STAGES = {
    "new": "helpdesk.stage_new",
    "in_progress": "helpdesk.stage_in_progress",
    "solved": "helpdesk.stage_solved",
}
TICKET_ACTION = "helpdesk.helpdesk_ticket_action"
# Values a ticket needs beyond the suite's (helpdesk_mgmt requires a description).
TICKET_REQUIRED_VALUES = {}
# Queries of one read of the ticket list (its columns are the helpdesk's).
TICKET_LIST_QUERIES = 7
MENU_ROOT = "helpdesk.menu_helpdesk_root"
MENU_CONFIG = "helpdesk.helpdesk_menu_config"


def add_team_stages(team, stages):
    """Make ``stages`` stages of ``team`` (a team's stages are its own)."""
    team.stage_ids |= stages
