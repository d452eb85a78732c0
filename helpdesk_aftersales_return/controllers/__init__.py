from . import portal, return_request
