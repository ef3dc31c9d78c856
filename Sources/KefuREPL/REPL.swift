import CLibedit
import KefuCore

