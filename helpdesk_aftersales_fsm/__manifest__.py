{
    "name": "Helpdesk After-Sales: Field Service",
    "version": "18.0.1.1.0",
    "summary": "Plan on-site interventions from a helpdesk ticket",
    "category": "Services/Helpdesk",
    "license": "LGPL-3",
    "author": "Helpdesk After-Sales developers",
    "maintainers": ["helpdesk-aftersales"],
    "website": "https://github.com/helpdesk-aftersales/helpdesk-aftersales",
    "depends": ["helpdesk_aftersales", "industry_fsm"],
    "data": [
        "security/ir.model.access.csv",
        "security/helpdesk_aftersales_fsm_security.xml",
        "wizard/helpdesk_create_fsm_task_views.xml",
        "views/helpdesk_team_views.xml",
        "views/helpdesk_ticket_views.xml",
        "views/project_task_views.xml",
        "views/helpdesk_portal_templates.xml",
    ],
    "demo": ["demo/helpdesk_aftersales_fsm_demo.xml"],
    "assets": {
        "web.assets_tests": ["helpdesk_aftersales_fsm/static/tests/tours/**/*"],
    },
    # Odoo Enterprise's counterpart of this module: this is its Community
    # implementation; Odoo refuses to install both (the base excludes them all).
    "excludes": ["helpdesk_fsm"],
    "installable": True,
}
