from contextlib import suppress

from odoo import models
from odoo.tools.misc import file_open
from odoo.tools.translate import TranslationFileReader, TranslationImporter, get_po_paths

# The suite's catalogues are exported on the stand-in: the terms of the team
# settings (labels, help) name the fields of its team model, helpdesk.team.
# On this helpdesk the same fields belong to helpdesk.ticket.team.
CATALOGUE_TEAM_FIELD = "field_helpdesk_team__"
TEAM_FIELD = "field_helpdesk_ticket_team__"


class IrModuleModule(models.Model):
    _inherit = "ir.module.module"

    def _load_module_terms(self, modules, langs, overwrite=False, imported_module=False):
        super()._load_module_terms(
            modules, langs, overwrite=overwrite, imported_module=imported_module
        )
        importer = TranslationImporter(self.env.cr, verbose=False)
        for module in modules:
            if not module.startswith("helpdesk_aftersales"):
                continue
            for lang in langs:
                if lang != "en_US" and self.env["res.lang"]._lang_get(lang):
                    importer._load(self._aftersales_team_field_terms(module, lang), lang)
        importer.save(overwrite=overwrite)

    def _aftersales_team_field_terms(self, module, lang):
        """The terms of ``module``'s catalogues for ``lang`` that name a field
        of the stand-in's team model, renamed for this helpdesk's."""
        rows = []
        for po_path in get_po_paths(module, lang):
            with suppress(FileNotFoundError), file_open(po_path, mode="rb") as fileobj:
                for row in TranslationFileReader(fileobj, fileformat="po"):
                    name = row.get("imd_name") or ""
                    if row.get("imd_model") == "ir.model.fields" and name.startswith(
                        CATALOGUE_TEAM_FIELD
                    ):
                        rows.append(
                            dict(row, imd_name=TEAM_FIELD + name[len(CATALOGUE_TEAM_FIELD) :])
                        )
        return rows
