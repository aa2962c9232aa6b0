// NCPDP Reject Code (511-FB) descriptions, one "code|description" per line.
//
// Source (VA): VistA file 9002313.93 BPS NCPDP REJECT CODES, as exported in WorldVistA/VistA-M
// Globals/BPSF+BPS NCPDP REJECT CODES.zwr (commit bcd9ff47bbd39ba98e0957402083ccd80e193bbf; VistA is a
// US-government work). Left out: "(FUTURE USE)" placeholders, VA-internal codes (*95–*98, eT) and the
// duplicate lowercase "Ep". Descriptions kept as VistA stores them (NCPDP short text, some 5.1-era),
// except that the slashed zero "Ø" of NCPDP documents (G9, UU) is written as a plain 0.
// Codes in the 31-code public subset republished by HL7 CARIN (from AHRQ USHIK; see
// ../shared/data/ncpdp-reject-codes/) use that text instead; see reject-codes.ts.
// NCPDP's External Code List is licensed and newer lists add codes; treat this table as reference.

export const VISTA_REJECT_CODES = `01|M/I Bin Number
02|M/I Version/Release Number
03|M/I Transaction Code
04|M/I Processor Control Number
05|M/I Service Provider Number
06|M/I Group ID
07|M/I Cardholder ID
08|M/I Person Code
09|M/I Date Of Birth
10|M/I Patient Gender Code
11|M/I Patient Relationship Code
12|M/I Place of Service
13|M/I Other Coverage Code
14|M/I Eligibility Clarification Code
15|M/I Date of Service
16|M/I Prescription/Service Reference Number
17|M/I Fill Number
18|M/I Metric Quantity
19|M/I Days Supply
20|M/I Compound Code
21|M/I Product/Service ID
22|M/I Dispense As Written (DAW)/Product Selection Code
23|M/I Ingredient Cost Submitted
24|M/I SALES TAX
25|M/I Prescriber ID
26|M/I Unit Of Measure
28|M/I Date Prescription Written
29|M/I Number Of Refills Authorized
30|M/I PA/MC Code And Number
32|M/I Level Of Service
33|M/I Prescription Origin Code
34|M/I Submission Clarification Code
35|M/I Primary Care Provider ID
36|M/I Clinic ID
38|M/I Basis Of Cost Determination
39|M/I Diagnosis Code
40|Pharmacy Not Contracted With Plan On Date Of Service
41|Submit Bill To Other Processor Or Primary Payer
50|Non-Matched Pharmacy Number
51|Non-Matched Group ID
52|Non-Matched Cardholder ID
53|Non-Matched Person Code
54|Non-Matched Product/Service ID Number
55|Non-Matched Product Package Size
56|Non-Matched Prescriber ID
57|Non-Matched PA/MC Number
58|Non-Matched Primary Prescriber
59|Non-Matched Clinic ID
60|Product/Service Not Covered For Patient Age
61|Product/Service Not Covered For Patient Gender
62|Patient/Card Holder ID Name Mismatch
63|Institutionalized Patient Product/Service ID Not Covered
64|Claim Submitted Does Not Match Prior Authorization
65|Patient Is Not Covered
66|Patient Age Exceeds Maximum Age
67|Filled Before Coverage Effective
68|Filled After Coverage Expired
69|Filled After Coverage Terminated
70|Product/Service Not Covered
71|Prescriber Is Not Covered
72|Primary Prescriber Is Not Covered
73|Refills Are Not Covered
74|Other Carrier Payment Meets Or Exceeds Payable
75|Prior Authorization Required
76|Plan Limitations Exceeded
77|Discontinued Product/Service ID Number
78|Cost Exceeds Maximum
79|Refill Too Soon
80|Drug-Diagnosis Mismatch
81|Claim Too Old
82|Claim Is Post-Dated
83|Duplicate Paid/Captured Claim
84|Claim Has Not Been Paid/Captured
85|Claim Not Processed
86|Submit Manual Reversal
87|Reversal Not Processed
88|DUR Reject Error
89|Rejected Claim Fees Paid
90|Host Hung Up
91|Host Response Error
92|System Unavailable/Host Unavailable
93|Planned Unavailable
94|Invalid Message
95|Time Out
96|Scheduled Downtime
97|Payer Unavailable
98|Connection To Payer Is Down
99|Host Processing Error
CA|M/I Patient First Name
CB|M/I Patient Last Name
CC|M/I Cardholder First Name
CD|M/I Cardholder Last Name
CE|M/I Home Plan
CF|M/I Employer Name
CG|M/I Employer Street Address
CH|M/I Employer City Address
CI|M/I Employer State/Province Address
CJ|M/I Employer Zip Postal Zone
CK|M/I Employer Phone Number
CL|M/I Employer Contact Name
CM|M/I Patient Street Address
CN|M/I Patient City Address
CO|M/I Patient State/Province Address
CP|M/I Patient Zip/Postal Zone
CQ|M/I Patient Phone Number
CR|M/I Carrier ID
CT|Patient Social Security Number
DP|M/I DRUG TYPE OVERRIDE
DR|M/I Prescriber Last Name
DQ|M/I Usual And Customary Charge
DS|M/I Postage Amount Claimed
DT|M/I Special Packaging Indicator
DU|M/I Gross Amount Due
DV|M/I Other Payer Amount Paid
DW|M/I Basis Of Days Supply Determination
DX|M/I Patient Paid Amount Submitted
DY|M/I Date Of Injury
DZ|M/I Claim/Reference ID
E1|M/I Product/Service ID Qualifier
E2|M/I Route of Administration
E3|M/I Incentive Amount Submitted
E4|M/I Reason For Service Code
E5|M/I Professional Service Code
E6|M/I Result Of Service Code
E7|M/I Quantity Dispensed
E8|M/I Other Payer Date
M1|Patient Not Covered In This Aid Category
M2|Recipient Locked In
M3|Host PA/MC Error
M4|Prescription/Service Reference Number/Time Limit Exceeded
M5|Requires Manual Claim
M6|Host Eligibility Error
M7|Host Drug File Error
M8|Host Provider File Error
MZ|Error Overflow
1C|M/I Smoker/Non-Smoker Code
1E|M/I Prescriber Location Code
2C|M/I Pregnancy Indicator
2E|M/I Primary Care Provider ID Qualifier
3A|M/I Request Type
3B|M/I Request Period Date-Begin
3C|M/I Request Period Date-End
3D|M/I Basis Of Request
3E|M/I Authorized Representative First Name
3F|M/I Authorized Representative Last Name
3G|M/I Authorized Representative Street Address
3H|M/I Authorized Representative City Address
3J|M/I Authorized Representative State/Province Address
3K|M/I Authorized Representative Zip/Postal Zone
3M|M/I Prescriber Phone Number
3N|M/I Prior Authorized Number-Assigned
3P|M/I Authorization Number
3R|Prior Authorization Not Required
3S|M/I Prior Authorization Supporting Documentation
3T|Active Prior Auth Exists Resubmit At Expiration Of Prior Auth
3W|Prior Authorization In Process
3X|Authorization Number Not Found
3Y|Prior Authorization Denied
4C|M/I Coordination Of Benefits/Other Payments Count
4E|M/I Primary Care Provider Last Name
5C|M/I Other Payer Coverage Type
5E|M/I Other Payer Reject Count
6C|M/I Other Payer ID Qualifier
6E|M/I Other Payer Reject Code
7C|M/I Other Payer ID
7E|M/I DUR/PPS Code Counter
8C|M/I Facility ID
8E|M/I DUR/PPS Level of Effort
AA|Patient Spenddown Not Met
AB|Date Written Is After Date Filled
AC|Product Not Covered Non-Participating Manufacturer
AD|Billing Provider Not Eligible To Bill This Claim Type
AE|QMB (Qualified Medicare Beneficiary)-Bill Medicare
AF|Patient Enrolled Under Managed Care
AG|Days Supply Limitation For Product/Service
AH|Unit Dose Packaging Only Payable For Nursing Home Recipients
AJ|Generic Drug Required
AK|M/I Software Vendor/Certification ID
AM|M/I Segment Identification
A9|M/I Transaction Count
BE|M/I Professional Service Fee Submitted
B2|M/I Service Provider ID Qualifier
CW|M/I Alternate ID
CX|M/I Patient ID Qualifier
CY|M/I Patient ID
CZ|M/I Employer ID
DC|M/I Dispensing Fee Submitted
DN|M/I Basis Of Cost Determination
EA|M/I Originally Prescribed Product/Service Code
EB|M/I Originally Prescribed Quantity
EC|M/I Compound Ingredient Component Count
ED|M/I Compound Ingredient Quantity
EE|M/I Compound Ingredient Drug Cost
EF|M/I Compound Dosage Form Description Code
EG|M/I Compound Dispensing Unit Form Indicator
EH|M/I Compound Route of Administration
EJ|M/I Originally Prescribed Product/Service ID Qualifier
EK|M/I Scheduled Prescription ID Number
EM|M/I Prescription/Service Reference Number Qualifier
EN|M/I Associated Prescription/Service Reference Number
EP|M/I Associated Prescription/Service Date
ER|M/I Procedure Modifier Code
ET|M/I Quantity Prescribed
EU|M/I Prior Authorization Type Code
EV|M/I Prior Authorization Number Submitted
EW|M/I Intermediary Authorization Type ID
EX|M/I Intermediary Authorization ID
EY|M/I Provider ID Qualifier
EZ|M/I Prescriber ID Qualifier
E9|M/I Provider ID
FO|M/I Plan ID
GE|M/I Percentage Sales Tax Amount Submitted
HA|M/I Flat Sales Tax Amount Submitted
HB|M/I Other Payer Amount Paid Count
HC|M/I Other Payer Amount Paid Qualifier
HD|M/I Dispensing Status
HE|M/I Percentage Sales Tax Rate Submitted
HF|M/I Quantity Intended To Be Dispensed
HG|M/I Days Supply Intended To Be Dispensed
H1|M/I Measurement Time
H2|M/I Measurement Dimension
H3|M/I Measurement Unit
H4|M/I Measurement Value
H5|M/I Primary Care Provider Location Code
H6|M/I DUR Co-Agent ID
H7|M/I Other Amount Claimed Submitted Count
H8|M/I Other Amount Claimed Submitted Qualifier
H9|M/I Other Amount Claimed Submitted
JE|M/I Percentage Sales Tax Basis Submitted
J9|M/I DUR Co-Agent ID Qualifier
KE|M/I Coupon Type
ME|M/I Coupon Number
NE|M/I Coupon Value Amount
NN|Transaction Rejected At Switch Or Intermediary
PA|PA Exhausted/Not Renewable
PB|Invalid Transaction Count For This Transaction Code
PC|M/I Request Claim Segment
PD|M/I Request Clinical Segment
PE|M/I Request Coordination Of Benefits/Other Payments Segment
PF|M/I Request Compound Segment
PG|M/I Request Coupon Segment
PH|M/I Request DUR/PPS Segment
PJ|M/I Request Insurance Segment
PK|M/I Request Patient Segment
PM|M/I Request Pharmacy Provider Segment
PN|M/I Request Prescriber Segment
PP|M/I Request Pricing Segment
PR|M/I Request Prior Authorization Segment
PS|M/I Transaction Header Segment
PT|M/I Request Worker's Compensation Segment
PV|Non-Matched Associated Prescription/Service Date
PW|Non-Matched Employer ID
PX|Non-Matched Other Payer ID
PY|Non-Matched Unit Form/Route of Administration
PZ|Non-Matched Unit Of Measure To Product/Service ID
P1|Associated Prescription/Service Reference Number Not Found
P2|Clinical Information Counter Out Of Sequence
P3|Compound Ingredient Component Count Doesn't Match # Of Repetitions
P4|COB/Other Payments Count Does Not Match Number Of Repetitions
P5|Coupon Expired
P6|Date Of Service Prior To Date Of Birth
P7|Diagnosis Code Count Does Not Match Number Of Repetitions
P8|DUR/PPS Code Counter Out Of Sequence
P9|Field Is Non-Repeatable
RA|PA Reversal Out Of Order
RB|Multiple Partials Not Allowed
RC|Different Drug Entity Between Partial & Completion
RD|Mismatched Cardholder/Group ID-Partial To Completion
RE|M/I Compound Product ID Qualifier
RF|Improper Order Of 'Dispensing Status' Code On Partial Fill Transaction
RG|M/I Associated Rx/Service Reference # On Completion Transaction
RH|M/I Associated Prescription/Service Date On Completion Transaction
RJ|Associated Partial Fill Transaction Not On File
RK|Partial Fill Transaction Not Supported
RM|Completion Trans Not Permitted W/ Same 'Date of Service' Partl Trans
RN|Plan Limits Exceeded On Intended Partial Fill Field Limitations
RP|Out Of Sequence 'P' Reversal On Partial Fill Transaction
RS|M/I Associated Prescription/Service Date On Partial Transaction
RT|M/I Associated Prescription/Service Ref Number on Partial Trans
RU|Mandatory Elements Must Occur Befr Optional Data Elements In Segment
R1|Other Amount Claimed Submitted Count Does Not Match # of Repetitions
R2|Other Payer Reject Count Does Not Match Number Of Repetitions
R3|Procedure Modifier Code Count Does Not Match Number Of Repetitions
R4|Procedure Modifier Code Invalid For Product/Service ID
R5|Product/Service ID Must Be Zero When Product/Service ID Qual Equals 06
R6|Product/Service Not Appropriate For This Location
R7|Repeating Segment Not Allowed In Same Transaction
R8|Syntax Error
R9|Value In Gross Amount Due Does Not Follow Pricing Formulae
SE|M/I Procedure Modifier Code Count
TE|Missing/Invalid Compound Product ID
UE|M/I Compound Ingredient Basis Of Cost Determination
VE|M/I Diagnosis Code Count
WE|M/I Diagnosis Code Qualifier
XE|M/I Clinical Information Counter
ZE|M/I Measurement Date
1R|Version/Release Not Supported
1S|Transaction Code/Type Not Supported
1T|PCN Must Contain Processor/Payer Assigned Value
1U|Transaction Count Does Not Match Number of Transactions
1V|Multiple Transactions Not Supported
1W|Multi-Ingredient Compound Must Be A Single Transaction
1X|Vendor Not Certified For Processor/Payer
1Y|Claim Segment Required For Adjudication
1Z|Clinical Segment Required For Adjudication
2A|M/I Medigap ID
2B|M/I Medicaid Indicator
2D|M/I Provider Accept Assignment Indicator
2G|M/I Compound Ingredient Modifier Code Count
2H|M/I Compound Ingredient Modifier Code
2J|M/I Prescriber First Name
2K|M/I Prescriber Street Address
2M|M/I Prescriber City Address
2N|M/I Prescriber State/Province Address
2P|M/I Prescriber Zip/Postal Zone
2Q|M/I Additional Documentation Type ID
2R|M/I Length of Need
2S|M/I Length of Need Qualifier
2T|M/I Prescriber/Supplier Date Signed
2U|M/I Request Status
2V|M/I Request Period Begin Date
2W|M/I Request Period Recert/Revised Date
2X|M/I Supporting Documentation
2Z|M/I Question Number/Letter Count
3Q|M/I Facility Name
3U|M/I Facility Street Address
3V|M/I Facility State/Province Address
4B|M/I Question Number/Letter
4D|M/I Question Percent Response
4G|M/I Question Date Response
4H|M/I Question Dollar Amount Response
4J|M/I Question Numeric Response
4K|M/I Question Alphanumeric Response
4M|Compound Ingredient Modifier Code Count Doesn't Match # of Repetitions
4N|Question Number/Letter Count Does Not Match Number of Repetitions
4P|Question Number/Letter Not Valid for Identified Document
4Q|Question Response Not Appropriate for Question Number/Letter
4R|Required Question Number/Letter
4S|Compound Product ID Requires a Modifier Code
4T|M/I Additional Documentation Segment
4W|Must Fill Through Specialty Pharmacy
4X|M/I Patient Residence
4Y|Patient Residence not supported by plan
4Z|Place of Service Not Support By Plan
5J|M/I Facility City Address
6D|M/I Facility Zip/Postal Zone
6G|Coordination Of Benefits/Other Payments Segment Required
6H|Coupon Segment Required For Adjudication
6J|Insurance Segment Required For Adjudication
6K|Patient Segment Required For Adjudication
6M|Pharmacy Provider Segment Required For Adjudication
6N|Prescriber Segment Required For Adjudication
6P|Pricing Segment Required For Adjudication
6Q|Prior Authorization Segment Required For Adjudication
6R|Worker's Compensation Segment Required For Adjudication
6S|Transaction Segment Required For Adjudication
6T|Compound Segment Required For Adjudication
6U|Compound Segment Incorrectly Formatted
6V|Multi-ingredient Compounds Not Supported
6W|DUR/PPS Segment Required For Adjudication
6X|DUR/PPS Segment Incorrectly Formatted
6Y|Not Authorized To Submit Electronically
6Z|Provider Not Eligible To Perform Service/Dispense Product
7A|Provider Does Not Match Authorization On File
7B|Service Provider ID Qualifier Value Not Supported For Processor/Payer
7D|Non-Matched DOB
7G|Future Date Not Allowed For DOB
7H|Non-Matched Gender Code
7J|Patient Relationship Code Not Supported
7K|Discrepancy Between Other Coverage Code And Other Payer Amt
7M|Discrepancy Between Other Coverage Code And Other Coverage Information
7N|Patient ID Qualifier Submitted Not Supported
7P|Coordination Of Benefits/Other Payments Count Exceeds Number Supported
7Q|Other Payer ID Qualifier Not Supported
7R|Other Payer Amount Paid Count Exceeds Number of Supported Groupings
7S|Other Payer Amount Paid Qualifier Not Supported
7T|Quantity Intended To Be Dispensed Required For Partial Fill
7U|Days Supply Intended To Be Dispensed Required For Partial Fill
7V|Duplicate Refills
7W|Refills Exceed allowable Refills
7X|Days Supply Exceeds Plan Limitation
7Y|Compounds Not Covered
7Z|Compound Requires Two Or More Ingredients
8A|Compound Requires At Least One Covered Ingredient
8B|Compound Segment Missing on a Compound Claim
8D|Compound Segment Present On A Non-Compound Claim
8G|Primary Product In A Compound Claim Is Not Zero
8H|Product/Service Only Covered On Compound Claim
8J|Incorrect Product/Service ID For Processor/Payer
8K|DAW Code Not Supported
8M|Sum Of Compound Ingredient Costs Does Not Equal Ingredient Cost
8N|Future Date Prescription Written Not Allowed
8P|Date Written Different On Previous Filling
8Q|Excessive Refills Authorized
8R|Submission Clarification Code Not Supported
8S|Basis Of Cost Not Supported
8T|U&C Must Be Greater Than Zero
8U|GAD Must Be Greater Than Zero
8V|Negative Dollar Amount Is Not Supported In Other Payer Amount Paid
8W|Discrepancy Between Other Coverage Code and Other Payer Amount Paid
8X|Collection From Cardholder Not Allowed
8Y|Excessive Amount Collected
8Z|Product/Service ID Qualifier Value Not Supported
9B|Reason For Service Code Value Not Supported
9C|Professional Service Code Value Not Supported
9D|Result Of Service Code Value Not Supported
9E|Quantity Does Not Match Dispensing Unit
9G|Quantity Dispensed Exceeds Maximum Allowed
9H|Quantity Not Valid For Product/Service ID Submitted
9J|Future Other Payer Date Not Allowed
9K|Compound Ingredient Component Count Exceeds Ingredients Supported
9M|Minimum Of Two Ingredients Required
9N|Compound Ingredient Quantity Exceeds Maximum Allowed
9P|Compound Ingredient Drug Cost Must Be Greater Than Zero
9Q|Route Of Administration Submitted Not Covered
9R|Prescription/Service Reference Number Qualifier Submitted Not Covered
9S|Future Associated Prescription/Service Date Not Allowed
9T|Prior Authorization Type Code Submitted Not Covered
9U|Provider ID Qualifier Submitted Not Covered
9V|Prescriber ID Qualifier Submitted Not Covered
9W|DUR/PPS Code Counter Exceeds Number Of Occurrences Supported
9X|Coupon Type Submitted Not Covered
9Y|Compound Product ID Qualifier Submitted Not Covered
9Z|Duplicate Product ID In Compound
AQ|M/I Facility Segment
A5|Not Covered Under Part D Law
A6|This Medication May Be Covered Under Part B
A7|M/I Internal Control Number
BA|Compound Basis of Cost Determination Submitted Not Covered
BB|Diagnosis Code Qualifier Submitted Not Covered
BC|Future Measurement Date Not Allowed
BD|Sender Not Authorized To Submit File Type
BF|M/I File Type
BG|Sender ID Not Certified For Processor/Payer
BH|M/I Sender ID
BJ|Transmission Type Submitted Not Supported
BK|M/I Transmission Type
BM|M/I Narrative Message
G1|M/I Compound Type
G2|M/I CMS Part D Defined Qualified Facility
G4|Physician must contact plan
G5|Pharmacist must contact plan
G6|Pharmacy Not Contracted in Specialty Network
G7|Pharmacy Not Contracted in Home Infusion Network
G8|Pharmacy Not Contracted in Long Term Care Network
G9|Pharmacy Not Contracted in 90 Day Retail Network
HN|M/I Patient E-Mail Address
K5|M/I Transaction Reference Number
MG|M/I Other Payer BIN Number
MH|M/I Other Payer Processor Control Number
MJ|M/I Other Payer Group ID
MK|Non-Matched Other Payer BIN Number
MM|Non-Matched Other Payer Processor Control Number
MN|Non-Matched Other Payer Group ID
MP|Non-Matched Other Payer Cardholder ID
MR|Drug Not on Formulary
MS|More than 1 Cardholder Found - Narrow Search Criteria
MT|M/I Patient Assignment Indicator
MU|M/I Benefit Stage Count
MV|M/I Benefit Stage Qualifier
MW|M/I Benefit Stage Amount
MX|Benefit Stage Count Does Not Match Number Of Repetitions
NP|M/I Other Payer-Patient Responsibility Amount Qualifier
NQ|M/I Other Payer-Patient Responsibility Amount
NR|M/I Other Payer-Patient Responsibility Amount Count
NU|M/I Other Payer Cardholder ID
NV|M/I Delay Reason Code
NX|M/I Submission Clarification Code Count
N1|No patient match found
N3|M/I Medicaid Paid Amount
N4|M/I Medicaid Subrogation Internal Control Number
N5|M/I Medicaid ID Number
N6|M/I Medicaid Agency Number
N7|Use Prior Authorization Code Provided During Transition Period
N8|Use Prior Authorization Code Provided For Emergency Fill
N9|Use Prior Authorization Code Provided For Level of Care Change
PQ|M/I Narrative Segment
RL|Transitional Benefit/Resubmit Claim
RV|Multiple Reversals Per Transmission Not Supported
SF|Other Payer Amount Paid Count Does Not Match Number Of Repetitions
SG|Submission Clarification Code Count Doesn't Match # of Repetitions
SH|Other Payer-Patient Resp Amount Count Doesn't Match # of Repetitions
TN|Emergency Fill/Resubmit Claim
TP|Level of Care Change/Resubmit Claim
TQ|Dosage Exceeds Product Labeling Limit
TR|M/I Billing Entity Type Indicator
TS|M/I Pay To Qualifier
TT|M/I Pay To ID
TU|M/I Pay To Name
TV|M/I Pay To Street Address
TW|M/I Pay To City Address
TX|M/I Pay to State/Province Address
TY|M/I Pay To Zip/Postal Zone
TZ|M/I Generic Equivalent Product ID Qualifier
UA|M/I Generic Equivalent Product ID
UU|DAW 0 cannot be submitted on a multi-source drug w/available generics
UZ|Other Payer Coverage Type required on reversals to downstream payers
U7|M/I Pharmacy Service Type
VA|Pay To Qualifier Submitted Not Supported
VB|Generic Equivalent Product ID Qualifier Submitted Not Supported
VC|Pharmacy Service Type Submitted Not Supported
VD|Eligibility Search Time Frame Exceeded
ZA|The COB/Other Payments Segment is mandatory to a downstream payer`;
