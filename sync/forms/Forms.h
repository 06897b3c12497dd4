#pragma once
// Forms: the one header to include for the whole forms engine.
#include "forms/AnswerTypes.h"
#include "forms/Expression.h"
#include "forms/FormDefinition.h"
#include "forms/FormSession.h"
#include "forms/Issue.h"
#include "forms/Migration.h"
#include "forms/Validation.h"
