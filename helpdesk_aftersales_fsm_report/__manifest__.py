{
    "name": "Helpdesk After-Sales: Field Service Worksheets",
    "version": "18.0.1.0.0",
    "summary": "Choose the worksheet template of a Field Service task planned from a ticket",
    "category": "Services/Helpdesk",
    "license": "LGPL-3",
    "author": "Helpdesk After-Sales developers",
    "maintainers": ["helpdesk-aftersales"],
    "website": "https://github.com/helpdesk-aftersales/helpdesk-aftersales",
    "depends": ["helpdesk_aftersales_fsm", "industry_fsm_report"],
    "data": ["wizard/helpdesk_create_fsm_task_views.xml"],
    "demo": ["demo/helpdesk_aftersales_fsm_report_demo.xml"],
    "auto_install": True,
    # Odoo Enterprise's counterpart of this module: this is its Community
    # implementation; Odoo refuses to install both (the base excludes them all).
    "excludes": ["helpdesk_fsm_report"],
    "installable": True,
}
