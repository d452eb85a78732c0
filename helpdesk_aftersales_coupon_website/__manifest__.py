{
    "name": "Helpdesk After-Sales: Coupon Share Links",
    "version": "18.0.1.0.0",
    "summary": "Share links that apply a ticket's coupon to the eCommerce cart",
    "category": "Services/Helpdesk",
    "license": "LGPL-3",
    "author": "Helpdesk After-Sales developers",
    "maintainers": ["helpdesk-aftersales"],
    "website": "https://github.com/helpdesk-aftersales/helpdesk-aftersales",
    "depends": ["helpdesk_aftersales_coupon", "website_sale_loyalty"],
    "data": [],
    "auto_install": True,
    # Odoo Enterprise's counterpart of this module: this is its Community
    # implementation; Odoo refuses to install both (the base excludes them all).
    "excludes": ["helpdesk_sale_loyalty"],
    "installable": True,
}
