"""The slips: building their data from the database, issuing, archiving and re-printing them.

* ``issue`` — issue a slip (render, archive, record its event in one transaction), re-print it, or
  ``issue_or_reprint``: the archived slip while the state it shows is unchanged, a new one otherwise;
* ``dossier_slips`` — the data of one dossier's slips (receipt, forms 02–05, result receipt);
* ``batch`` — slips of many dossiers or of a dossier's whole history (register 07, control 06, hand-over);
* ``guide`` — the guidance slip, from the catalogue alone;
* ``common`` — what the builders share (the ``Built`` result, keys, office and applicant, fees, terms);
* ``archive`` — the archive on disk (safe names, never overwriting another slip).
"""
