"""regulated occupations: ESCO's regulatedProfessionNote as a column

Written by hand against models/tables.py (Occupation.regulated). A taxonomy loaded before this
revision is not loaded again (its files did not change), so the upgrade marks the 15 occupations
ESCO v1.1.1 notes as regulated by their URIs; a later load reads the note from the file.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-05 20:30:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | Sequence[str] | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

OCC = "http://data.europa.eu/esco/occupation/"
# ESCO v1.1.1 occupations_en.csv, regulatedProfessionNote ".../regulated"
REGULATED = [
    OCC + "08984bec-31d8-4bb0-aa2f-d557761ff029",  # specialised veterinarian
    OCC + "36494988-69d2-4420-9db4-eb56605ac983",  # advanced nurse practitioner
    OCC + "4ce42c3c-8a46-40b6-9274-1f5cee3c5cba",  # official veterinarian
    OCC + "53cdcc84-e5ee-488c-aa09-88084e06d6d7",  # industrial pharmacist
    OCC + "5fd099da-218a-460e-bd5b-b42f1b76c67c",  # hospital pharmacist
    OCC + "71f09c8b-a172-408c-b9e7-32e580e39ff6",  # general practitioner
    OCC + "7c132147-428b-4ea3-87e1-70f7abb691ce",  # pharmacist
    OCC + "8c3f536e-ba66-4321-ba40-363dc39f129b",  # architect
    OCC + "8d3e8aaa-791b-4c75-a465-f3f827028f50",  # nurse responsible for general care
    OCC + "8db28ebf-8818-4639-aa49-30324901836e",  # specialist pharmacist
    OCC + "95cda6a9-a70a-4a93-9442-11d573cb4a02",  # midwife
    OCC + "9b889f07-c39c-464d-b9d9-b2daa650f9ac",  # specialised doctor
    OCC + "a580e79a-b752-49c1-b033-b5ab2b34bfba",  # specialist dentist
    OCC + "e52b5707-7097-4dbc-ac61-054e917da241",  # dental practitioner
    OCC + "eb6efbb9-9216-4e86-bc3b-de2223cd4667",  # general veterinarian
]


def upgrade() -> None:
    with op.batch_alter_table("occupation", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("regulated", sa.Boolean(), nullable=False, server_default=sa.false())
        )
    occupation = sa.table(
        "occupation", sa.column("uri", sa.String), sa.column("regulated", sa.Boolean)
    )
    op.execute(occupation.update().where(occupation.c.uri.in_(REGULATED)).values(regulated=True))


def downgrade() -> None:
    with op.batch_alter_table("occupation", schema=None) as batch_op:
        batch_op.drop_column("regulated")
