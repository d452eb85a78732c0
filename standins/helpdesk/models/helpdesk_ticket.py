from odoo import api, fields, models, tools


class HelpdeskTicket(models.Model):
    _name = "helpdesk.ticket"
    _inherit = ["portal.mixin", "mail.thread.cc", "mail.activity.mixin"]
    _description = "Helpdesk Ticket"
    _order = "priority desc, id desc"
    _primary_email = "partner_email"
    _rec_names_search = ["name", "ticket_ref", "partner_id"]
    # Customers reply on the tickets they can read (from the portal or by email).
    _mail_post_access = "read"

    name = fields.Char(string="Subject", required=True, tracking=True)
    description = fields.Html()
    active = fields.Boolean(default=True)
    ticket_ref = fields.Char(string="Ticket IDs Sequence", readonly=True, copy=False, index=True)
    team_id = fields.Many2one(
        "helpdesk.team",
        string="Helpdesk Team",
        tracking=True,
        index=True,
        check_company=True,
        default=lambda self: self.env["helpdesk.team"].search(
            [("company_id", "in", self.env.companies.ids)], limit=1
        ),
    )
    company_id = fields.Many2one(
        "res.company",
        compute="_compute_company_id",
        store=True,
        readonly=False,
        required=True,
        precompute=True,
        index=True,
    )
    user_id = fields.Many2one(
        "res.users",
        string="Assigned to",
        tracking=True,
        domain=lambda self: [("groups_id", "in", self.env.ref("helpdesk.group_helpdesk_user").id)],
    )
    partner_id = fields.Many2one("res.partner", string="Customer", tracking=True)
    partner_name = fields.Char(
        string="Customer Name",
        compute="_compute_partner_fields",
        store=True,
        readonly=False,
    )
    partner_email = fields.Char(
        string="Customer Email",
        compute="_compute_partner_fields",
        store=True,
        readonly=False,
    )
    commercial_partner_id = fields.Many2one(
        related="partner_id.commercial_partner_id", store=True, index=True
    )
    stage_id = fields.Many2one(
        "helpdesk.stage",
        string="Stage",
        tracking=True,
        index=True,
        group_expand="_read_group_stage_ids",
        compute="_compute_stage_id",
        store=True,
        readonly=False,
        domain="[('team_ids', 'in', team_id)]",
    )
    priority = fields.Selection(
        [("0", "Low priority"), ("1", "Medium priority"), ("2", "High priority"), ("3", "Urgent")],
        default="0",
        index=True,
    )
    tag_ids = fields.Many2many("helpdesk.tag", string="Tags")

    @api.depends("team_id")
    def _compute_company_id(self):
        for ticket in self:
            ticket.company_id = ticket.team_id.company_id or ticket.company_id or self.env.company

    @api.depends("partner_id")
    def _compute_partner_fields(self):
        for ticket in self:
            if ticket.partner_id:
                ticket.partner_name = ticket.partner_id.name
                ticket.partner_email = ticket.partner_id.email

    @api.depends("team_id")
    def _compute_stage_id(self):
        for ticket in self:
            if not ticket.stage_id or ticket.stage_id not in ticket.team_id.stage_ids:
                ticket.stage_id = ticket.team_id.stage_ids[:1]

    @api.model
    def _read_group_stage_ids(self, stages, domain):
        return stages.search([], order=stages._order)

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if not vals.get("ticket_ref"):
                vals["ticket_ref"] = self.env["ir.sequence"].sudo().next_by_code("helpdesk.ticket")
        tickets = super().create(vals_list)
        for ticket in tickets.filtered("partner_id"):
            ticket.message_subscribe(partner_ids=ticket.partner_id.ids)
        return tickets

    @api.depends("name", "ticket_ref")
    def _compute_display_name(self):
        for ticket in self:
            ticket.display_name = (
                f"{ticket.name} (#{ticket.ticket_ref})" if ticket.ticket_ref else ticket.name
            )

    # ------------------------------------------------------------
    # Mail gateway: an email to a team's alias opens a ticket
    # ------------------------------------------------------------

    @api.model
    def message_new(self, msg_dict, custom_values=None):
        """A ticket for the sender of the email: its contact is found by address
        (created if unknown) and follows the ticket; the email is the description."""
        partner = self.env["res.partner"].browse(msg_dict.get("author_id"))
        if not partner and msg_dict.get("email_from"):
            partner = self.env["mail.thread"]._mail_find_partner_from_emails(
                [msg_dict["email_from"]], force_create=True
            )[0]
            # The email is then posted as written by this contact.
            msg_dict["author_id"] = partner.id
        values = {
            "name": msg_dict.get("subject") or self.env._("No Subject"),
            "partner_id": partner.id,
            "partner_name": partner.name,
            "description": msg_dict.get("body"),
            **(custom_values or {}),
        }
        # The gateway user is no agent: nobody is assigned by default.
        ticket = super(HelpdeskTicket, self.with_context(default_user_id=False)).message_new(
            msg_dict, custom_values=values
        )
        if ticket.partner_id and ticket.partner_email != ticket.partner_id.email:
            # mail.thread stores the raw From ("Name <address>"): keep the contact's.
            ticket.partner_email = ticket.partner_id.email
        ticket._aftersales_subscribe_recipients(msg_dict)
        return ticket

    def message_update(self, msg_dict, update_vals=None):
        self._aftersales_subscribe_recipients(msg_dict)
        return super().message_update(msg_dict, update_vals=update_vals)

    def _aftersales_subscribe_recipients(self, msg_dict):
        """Known contacts the customer writes to (To, Cc) follow the ticket too;
        the teams' aliases are no contacts."""
        emails = tools.email_split((msg_dict.get("to") or "") + "," + (msg_dict.get("cc") or ""))
        partners = self.env["mail.thread"]._mail_find_partner_from_emails(
            emails, records=self, force_create=False
        )
        self.message_subscribe([partner.id for partner in partners if partner])

    def _notify_get_reply_to(self, default=None):
        # Replies go to the team's alias (as a task's go to its project's).
        aliases = self.sudo().team_id._notify_get_reply_to(default=default)
        res = {ticket.id: aliases.get(ticket.team_id.id) for ticket in self}
        leftover = self.filtered(lambda ticket: not res.get(ticket.id))
        if leftover:
            res.update(super(HelpdeskTicket, leftover)._notify_get_reply_to(default=default))
        return res

    def _compute_access_url(self):
        # Sets every ticket's URL: portal.mixin's default ('#') is not needed.
        for ticket in self:
            ticket.access_url = f"/my/ticket/{ticket.id}"


class HelpdeskTag(models.Model):
    _name = "helpdesk.tag"
    _description = "Helpdesk Tag"

    name = fields.Char(required=True, translate=True)
    color = fields.Integer()

    _sql_constraints = [("name_uniq", "unique (name)", "A tag with the same name already exists.")]
