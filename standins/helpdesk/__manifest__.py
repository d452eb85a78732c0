# Community stand-in for the Odoo Enterprise "helpdesk" app.
# Only the publicly documented names the After-Sales suite relies on; leave this
# folder out of the addons path on Odoo Enterprise.
{
    "name": "Helpdesk (Community stand-in)",
    "version": "18.0.1.0.0",
    "summary": "Minimal helpdesk teams, stages and tickets for the After-Sales suite",
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
