# The Community platform the After-Sales suite ships with, in place of the Odoo
# Enterprise "helpdesk" app (same technical name, no Enterprise code): teams,
# stages, tags and tickets with the publicly documented names the suite relies
# on, tickets by email (the teams' aliases) and My Tickets on the portal
# (readme/DESCRIPTION.md: what it offers, what it leaves out). On Odoo
# Enterprise the "helpdesk" app itself takes its place.
{
    "name": "Helpdesk (Community stand-in)",
    "version": "18.0.1.1.0",
    "summary": "Community platform of the After-Sales suite: helpdesk teams and tickets, "
    "tickets by email, My Tickets on the portal",
    "category": "Services/Helpdesk",
    "license": "LGPL-3",
    "author": "Helpdesk After-Sales developers",
    "website": "https://github.com/helpdesk-aftersales/helpdesk-aftersales",
    "depends": ["mail", "portal"],
    "data": [
        "security/helpdesk_security.xml",
        "security/ir.model.access.csv",
        "data/helpdesk_data.xml",
        "views/helpdesk_stage_views.xml",
        "views/helpdesk_team_views.xml",
        "views/helpdesk_ticket_views.xml",
        "views/helpdesk_menus.xml",
        "views/helpdesk_portal_templates.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "helpdesk/static/tests/tours/**/*",
        ],
    },
    "application": True,
    "installable": True,
}
