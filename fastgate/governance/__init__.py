"""Governance: subscriptions (app → route/model approval), the service catalogue, prompt guard helpers.

The request-path stage lives in ``fastgate/stages/governance.py``; this package holds what it and
the admin plane share.
"""
